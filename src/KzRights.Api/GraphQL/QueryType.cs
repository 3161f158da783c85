using GraphQL;
using GraphQL.Types;
using KzRights.Api.Endpoints;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Releases;
using KzRights.Data.Search;

namespace KzRights.Api.GraphQL;

/// <summary>Root fields. Each resolver calls the query service the matching REST handler calls, with the same
/// filters, page sizes and cursors.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Read-only entry points. Lists are Relay connections paged with first (1–500, default 50) and after.";

        Field<ReleaseType>("release")
            .Description("One release by id; the latest when id is omitted; null when there is none.")
            .Argument<IdGraphType>("id", "Release id, e.g. 2026.12.01-1a2b3c4d.")
            .ResolveAsync(async ctx => ctx.GetArgument<string?>("id") is { } id
                ? await ctx.Service<ReleaseQueries>().GetAsync(id, ctx.CancellationToken)
                : await ctx.Service<ReleaseQueries>().LatestAsync(ctx.CancellationToken));

        Field<NonNullGraphType<ReleaseConnectionType>>("releases")
            .Description("The data releases, newest first.")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<ReleaseQueries>().ListPageAsync(ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<DocumentType>("document")
            .Description("One document by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Document id, e.g. ccpr-c-kaz-co-3.")
            .Resolve(ctx => ctx.Loaders().Documents.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<DocumentConnectionType>>("documents")
            .Description("The corpus documents in corpus order.")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<DocumentQueries>().ListPageAsync(ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<ParagraphType>("paragraph")
            .Description("One paragraph by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Paragraph id, e.g. ccpr-c-kaz-co-3/20.")
            .Resolve(ctx => ctx.Loaders().Paragraphs.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<ParagraphConnectionType>>("paragraphs")
            .Description("Paragraphs in corpus reading order; the filters combine with AND.")
            .Argument<IdGraphType>("document", "Only paragraphs of this document. An unknown id is an error, not an empty list.")
            .Argument<IdGraphType>("section", "Only paragraphs of this section and its sub-sections. An unknown id is an error.")
            .Argument<StringGraphType>("lang", $"Only paragraphs in this language: {string.Join(", ", QueryRules.Languages)}.")
            .Argument<StringGraphType>("q", "Only paragraphs containing every word in some form (stemmed as in search); quotes and operators are plain text.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var filter = new ParagraphFilter(ctx.IdArgument("document"), ctx.IdArgument("section"), ctx.OneOf("lang", QueryRules.Languages), ctx.SearchText("q", required: false));
                return Connect(await ctx.Service<ParagraphQueries>().ListPageAsync(filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });

        Field<RecommendationType>("recommendation")
            .Description("One recommendation by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Recommendation id, e.g. upr-3/139.30.")
            .Resolve(ctx => ctx.Loaders().Recommendations.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<RecommendationConnectionType>>("recommendations")
            .Description("Recommendations and questions in locator order; the filters combine with AND.")
            .Argument<StringGraphType>("mechanism", $"Only this mechanism: {string.Join(", ", RecommendationFilter.Mechanisms)}.")
            .Argument<IdGraphType>("document", "Only recommendations issued by or responded to in this document. An unknown id is an error.")
            .Argument<BooleanGraphType>("followUp", "Only recommendations singled out (true) or not singled out (false) for follow-up.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var filter = new RecommendationFilter(ctx.OneOf("mechanism", RecommendationFilter.Mechanisms), ctx.IdArgument("document"), ctx.GetArgument<bool?>("followUp"));
                return Connect(await ctx.Service<RecommendationQueries>().ListPageAsync(filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });

        Field<NonNullGraphType<ThemeConnectionType>>("themes")
            .Description("The theme vocabulary in its order, with how many records carry each theme.")
            .Argument<StringGraphType>("kind", $"Only this kind: {string.Join(", ", ThemeQueries.Kinds)}.")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(
                await ctx.Service<ThemeQueries>().ListPageAsync(ctx.OneOf("kind", ThemeQueries.Kinds), ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<IndicatorType>("indicator")
            .Description("One indicator by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Indicator id, e.g. ccpr-c-kaz-co-3/20(a)/i1.")
            .Resolve(ctx => ctx.Loaders().Indicators.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<IndicatorConnectionType>>("indicators")
            .Description("Indicators in corpus reading order; the filters combine with AND (the same as GET /v1/indicators).")
            .Argument<IdGraphType>("document", "Only indicators of this document. An unknown id is an error.")
            .Argument<IdGraphType>("paragraph", "Only indicators of this paragraph or sub-item. An unknown id is an error.")
            .Argument<StringGraphType>("kind", $"Only this kind: {string.Join(", ", IndicatorQueries.Kinds)}.")
            .Argument<StringGraphType>("measure", "Only this key of the measure vocabulary, e.g. women-share/judges (the values GET /v1/indicators accepts).")
            .Argument<StringGraphType>("subject", "Only subjects containing every word (case-insensitive).")
            .Argument<StringGraphType>("unit", $"Only this unit: {string.Join(", ", KzRights.Parsing.Indicators.IndicatorUnit.All)}.")
            .Argument<StringGraphType>("population", $"Only numbers about: {string.Join(", ", KzRights.Parsing.Indicators.IndicatorPopulation.All)}.")
            .Argument<IdGraphType>("theme", "Only indicators tagged with this theme id (e.g. theme/torture or sdg/5). An unknown id is an error.")
            .Argument<StringGraphType>("from", "Only periods ending on or after this year (2023) or date (2023-06-30).")
            .Argument<StringGraphType>("to", "Only periods starting on or before this year or date.")
            .Argument<StringGraphType>("q", "Only indicators whose subject or quote contains every word.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var filter = new IndicatorFilter(ctx.IdArgument("document"), ctx.IdArgument("paragraph"), ctx.OneOf("kind", IndicatorQueries.Kinds), ctx.SearchText("subject", required: false),
                    ctx.OneOf("unit", KzRights.Parsing.Indicators.IndicatorUnit.All), ctx.OneOf("population", KzRights.Parsing.Indicators.IndicatorPopulation.All), ctx.IdArgument("theme"),
                    ctx.PeriodBound("from", start: true), ctx.PeriodBound("to", start: false), ctx.SearchText("q", required: false), ctx.OneOf("measure", IndicatorQueries.Measures));
                return Connect(await ctx.Service<IndicatorQueries>().ListPageAsync(filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });

        Field<EntityType>("entity")
            .Description("One law, treaty, plan, institution or event by id, with its mentions; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Entity id, e.g. law/2024-04-15-womens-rights-and-child-safety.")
            .Resolve(ctx => ctx.Loaders().Entities.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<EntityConnectionType>>("entities")
            .Description("Laws, treaties, plans, institutions and dated events, by kind then id; the filters combine with AND (the same as GET /v1/entities).")
            .Argument<StringGraphType>("kind", $"Only this kind: {string.Join(", ", EntityQueries.Kinds)}.")
            .Argument<IdGraphType>("document", "Only entities mentioned in this document. An unknown id is an error.")
            .Argument<StringGraphType>("q", "Only entities whose name or a mention contains every word.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var filter = new EntityFilter(ctx.OneOf("kind", EntityQueries.Kinds), ctx.IdArgument("document"), ctx.SearchText("q", required: false));
                return Connect(await ctx.Service<EntityQueries>().ListPageAsync(filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });

        Field<FactType>("fact")
            .Description("One fact by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Fact id.")
            .Resolve(ctx => ctx.Loaders().Facts.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<FactConnectionType>>("facts")
            .Description("Facts stated in several places, in id order.")
            .Argument<BooleanGraphType>("conflicting", "Only facts whose attestations disagree (true) or agree (false).")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<FactQueries>().ListPageAsync(ctx.GetArgument<bool?>("conflicting"), ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<SeriesType>("series")
            .Description("One time series by key; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("key", "Series key.")
            .Resolve(ctx => ctx.Loaders().Series.Load(ctx.GetArgument<string>("key")));

        Field<NonNullGraphType<SeriesConnectionType>>("allSeries")
            .Description("Time series in corpus reading order.")
            .Argument<IdGraphType>("document", "Only series of this document. An unknown id is an error.")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<SeriesQueries>().ListPageAsync(ctx.IdArgument("document"), ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<NonNullGraphType<QuotaConnectionType>>("quotas")
            .Description("Quota statements in corpus reading order, including those that give no number.")
            .Argument<IdGraphType>("document", "Only quotas of this document. An unknown id is an error.")
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<QuotaQueries>().ListPageAsync(ctx.IdArgument("document"), ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<NonNullGraphType<SearchHitConnectionType>>("search")
            .Description($"Full-text search across paragraphs and recommendations, best first. {SearchTerms.Description}")
            .Argument<NonNullGraphType<StringGraphType>>("q", "Words to find, at most 500 characters; quotes and operators are plain text.")
            .Argument<StringGraphType>("type", $"Only this kind of record: {string.Join(", ", SearchTargets.Names)}.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var targets = SearchTargets.Selected(ctx.OneOf("type", SearchTargets.Names));
                var q = ctx.SearchText("q", required: true)!;
                return Connect(await ctx.Service<SearchQueries>().SearchPageAsync(q, targets, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });
    }

    private static Connection<T> Connect<T>(CursorPage<T> page, IResolveFieldContext context) => new(page, context.After() is not null);
}
