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
            .ArgumentsOf(typeof(ListParagraphsRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<ParagraphQueries>().ListPageAsync(
                ctx.RequestOf<ListParagraphsRequest>().Filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<RecommendationType>("recommendation")
            .Description("One recommendation by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Recommendation id, e.g. upr-3/139.30.")
            .Resolve(ctx => ctx.Loaders().Recommendations.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<RecommendationConnectionType>>("recommendations")
            .Description("Recommendations and questions in locator order; the filters combine with AND.")
            .ArgumentsOf(typeof(ListRecommendationsRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<RecommendationQueries>().ListPageAsync(
                ctx.RequestOf<ListRecommendationsRequest>().Filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<NonNullGraphType<ThemeConnectionType>>("themes")
            .Description("The theme vocabulary in its order, with how many records carry each theme.")
            .ArgumentsOf(typeof(ListThemesRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<ThemeQueries>().ListPageAsync(
                ctx.RequestOf<ListThemesRequest>().Kind, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<IndicatorType>("indicator")
            .Description("One indicator by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Indicator id, e.g. ccpr-c-kaz-co-3/20(a)/i1.")
            .Resolve(ctx => ctx.Loaders().Indicators.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<IndicatorConnectionType>>("indicators")
            .Description("Indicators in corpus reading order; the filters combine with AND (the same as GET /v1/indicators).")
            .ArgumentsOf(typeof(ListIndicatorsRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<IndicatorQueries>().ListPageAsync(
                ctx.RequestOf<ListIndicatorsRequest>().Filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<EntityType>("entity")
            .Description("One law, treaty, plan, institution or event by id, with its mentions; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Entity id, e.g. law/2024-04-15-womens-rights-and-child-safety.")
            .Resolve(ctx => ctx.Loaders().Entities.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<EntityConnectionType>>("entities")
            .Description("Laws, treaties, plans, institutions and dated events, by kind then id; the filters combine with AND (the same as GET /v1/entities).")
            .ArgumentsOf(typeof(ListEntitiesRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<EntityQueries>().ListPageAsync(
                ctx.RequestOf<ListEntitiesRequest>().Filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<FactType>("fact")
            .Description("One fact by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Fact id.")
            .Resolve(ctx => ctx.Loaders().Facts.Load(ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<FactConnectionType>>("facts")
            .Description("Facts stated in several places, in id order.")
            .ArgumentsOf(typeof(ListFactsRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<FactQueries>().ListPageAsync(
                ctx.RequestOf<ListFactsRequest>().ConflictingOnly, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<SeriesType>("series")
            .Description("One time series by key; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("key", "Series key.")
            .Resolve(ctx => ctx.Loaders().Series.Load(ctx.GetArgument<string>("key")));

        Field<NonNullGraphType<SeriesConnectionType>>("allSeries")
            .Description("Time series in corpus reading order.")
            .ArgumentsOf(typeof(ListByDocumentRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<SeriesQueries>().ListPageAsync(
                ctx.RequestOf<ListByDocumentRequest>().Document, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<NonNullGraphType<QuotaConnectionType>>("quotas")
            .Description("Quota statements in corpus reading order, including those that give no number.")
            .ArgumentsOf(typeof(ListByDocumentRequest))
            .PageArguments()
            .ResolveAsync(async ctx => Connect(await ctx.Service<QuotaQueries>().ListPageAsync(
                ctx.RequestOf<ListByDocumentRequest>().Document, ctx.First(), ctx.After(), ctx.CancellationToken), ctx));

        Field<NonNullGraphType<SearchHitConnectionType>>("search")
            .Description($"Full-text search across paragraphs and recommendations, best first. {SearchTerms.Description}")
            .ArgumentsOf(typeof(SearchRequest))
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var request = ctx.RequestOf<SearchRequest>();
                return Connect(await ctx.Service<SearchQueries>().SearchPageAsync(
                    request.Q!, SearchTargets.Selected(request.Type), ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });
    }

    private static Connection<T> Connect<T>(CursorPage<T> page, IResolveFieldContext context) => new(page, context.After() is not null);
}
