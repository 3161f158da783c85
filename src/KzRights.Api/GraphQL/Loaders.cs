using System.Collections.Concurrent;
using GraphQL;
using KzRights.Data.Queries;

namespace KzRights.Api.GraphQL;

/// <summary>The batch loaders of one request (registered scoped, so one set per GraphQL execution). Each loader calls
/// one batch method of a query service: the same methods REST uses, so there is one read path.</summary>
public sealed class RequestLoaders(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public BatchLoader<string, DocumentDto> Documents => Get<string, DocumentDto>("documents", (ids, ct) => Service<DocumentQueries>().GetManyAsync(ids, ct));

    public BatchLoader<string, IReadOnlyList<SectionDto>> SectionTrees => Get<string, IReadOnlyList<SectionDto>>("sections", async (ids, ct) =>
        ToLists(ids, await Service<DocumentQueries>().SectionTreesAsync(ids, ct)));

    public BatchLoader<string, IReadOnlyList<SourceReferenceDto>> References => Get<string, IReadOnlyList<SourceReferenceDto>>("references", async (ids, ct) =>
        ToLists(ids, await Service<DocumentQueries>().ReferencesAsync(ids, ct)));

    public BatchLoader<string, ParagraphDto> Paragraphs
        => Get<string, ParagraphDto>("paragraphs", (ids, ct) => Service<ParagraphQueries>().GetManyAsync(ids, ct));

    public BatchLoader<ParagraphPageRequest, CursorPage<ParagraphDto>> ParagraphPages =>
        Get<ParagraphPageRequest, CursorPage<ParagraphDto>>("paragraphPages", (requests, ct) => Service<ParagraphQueries>().PagesAsync(requests, ct));

    public BatchLoader<string, RecommendationDto> Recommendations
        => Get<string, RecommendationDto>("recommendations", (ids, ct) => Service<RecommendationQueries>().GetManyAsync(ids, ct));

    public BatchLoader<string, IndicatorDto> Indicators
        => Get<string, IndicatorDto>("indicators", (ids, ct) => Service<IndicatorQueries>().GetManyAsync(ids, ct));

    public BatchLoader<string, FactDto> Facts => Get<string, FactDto>("facts", (ids, ct) => Service<FactQueries>().GetManyAsync(ids, ct));

    public BatchLoader<string, EntityDto> Entities => Get<string, EntityDto>("entities", (ids, ct) => Service<EntityQueries>().GetManyAsync(ids, ct));

    public BatchLoader<string, SeriesDto> Series => Get<string, SeriesDto>("series", (keys, ct) => Service<SeriesQueries>().GetManyAsync(keys, ct));

    public BatchLoader<ThemeIndicatorsRequest, IReadOnlyList<IndicatorDto>> ThemeIndicators =>
        Get<ThemeIndicatorsRequest, IReadOnlyList<IndicatorDto>>("themeIndicators", (requests, ct) => Service<IndicatorQueries>().ByThemesAsync(requests, ct));

    private BatchLoader<TKey, TValue> Get<TKey, TValue>(
        string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
        where TValue : class =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));

    private T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    private static IReadOnlyDictionary<string, IReadOnlyList<T>> ToLists<T>(IReadOnlyCollection<string> ids, ILookup<string, T> lookup) =>
        ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => (IReadOnlyList<T>)lookup[id].ToArray(), StringComparer.Ordinal);
}

public static class ResolveFieldContextExtensions
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set")).GetRequiredService<RequestLoaders>();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set")).GetRequiredService<T>();
}
