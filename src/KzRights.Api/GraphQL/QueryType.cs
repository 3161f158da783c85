using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using KzRights.Api.Endpoints;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Search;

namespace KzRights.Api.GraphQL;

public sealed class KzRightsSchema : Schema
{
    public KzRightsSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "KzRights: exact, citable, structured data from UN and government human-rights documents about Kazakhstan. " +
            "The same records as the REST API under /v1, read through the same query services.";
        Query = query;

        // Introspection is bounded by the schema itself; it must stay available to tools whatever the cost limit.
        this.WithIntrospectionComplexityImpact(0);
    }
}

/// <summary>Root fields. Each resolver calls the query service the matching REST handler calls, with the same
/// filters, page sizes and cursors.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Read-only entry points. Lists are Relay connections paged with first (1–500, default 50) and after.";

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
            .Argument<IdGraphType>("section", "Only paragraphs of this section and its sub-sections.")
            .Argument<StringGraphType>("lang", $"Only paragraphs in this language: {string.Join(", ", QueryRules.Languages)}.")
            .Argument<StringGraphType>("q", "Only paragraphs containing every word (English stemming); quotes and operators are plain text.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                var document = await ctx.KnownDocumentAsync("document");
                var filter = new ParagraphFilter(document, ctx.IdArgument("section"), ctx.OneOf("lang", QueryRules.Languages), ctx.SearchText("q", required: false));
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
                var document = await ctx.KnownDocumentAsync("document");
                var filter = new RecommendationFilter(ctx.OneOf("mechanism", RecommendationFilter.Mechanisms), document, ctx.GetArgument<bool?>("followUp"));
                return Connect(await ctx.Service<RecommendationQueries>().ListPageAsync(filter, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });

        Field<NonNullGraphType<SearchHitConnectionType>>("search")
            .Description("Full-text search across paragraphs and recommendations, best first. Every word of q must occur (English stemming).")
            .Argument<NonNullGraphType<StringGraphType>>("q", "Words to find, at most 500 characters; quotes and operators are plain text.")
            .Argument<StringGraphType>("type", $"Only this kind of record: {string.Join(", ", SearchEndpoints.Types)}.")
            .PageArguments()
            .ResolveAsync(async ctx =>
            {
                SearchTarget[] targets = ctx.OneOf("type", SearchEndpoints.Types) switch
                {
                    "paragraph" => [SearchTarget.Paragraph],
                    "recommendation" => [SearchTarget.Recommendation],
                    _ => [SearchTarget.Paragraph, SearchTarget.Recommendation],
                };
                var q = ctx.SearchText("q", required: true)!;
                return Connect(await ctx.Service<SearchQueries>().SearchPageAsync(q, targets, ctx.First(), ctx.After(), ctx.CancellationToken), ctx);
            });
    }

    private static Connection<T> Connect<T>(CursorPage<T> page, IResolveFieldContext context) => new(page, context.After() is not null);
}

/// <summary>Arguments shared by the root and nested fields, checked with the rules REST applies to the same query
/// parameters. A bad value fails the field with <c>extensions.code</c> INVALID_ARGUMENT.</summary>
public static class GraphQLArguments
{
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InvalidCursor = "INVALID_CURSOR";

    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Page size, 1–{Paging.MaxLimit}. Larger values are refused, not clamped.", a => a.DefaultValue = Paging.DefaultLimit)
            .Argument<StringGraphType>("after", "Cursor to continue after: pageInfo.endCursor or an edge's cursor from the same list with the same arguments.");

    public static int First(this IResolveFieldContext context)
    {
        // Validation (QueryLimitsRule) refuses out-of-range sizes before execution; this guards the resolvers anyway.
        var first = context.GetArgument<int?>("first") ?? Paging.DefaultLimit;
        return first is >= 1 and <= Paging.MaxLimit
            ? first
            : throw new ExecutionError($"first must be from 1 to {Paging.MaxLimit}.") { Code = LimitCodes.PageSize };
    }

    public static string? After(this IResolveFieldContext context)
    {
        var after = context.GetArgument<string?>("after");
        return Cursor.IsWellFormed(after)
            ? (string.IsNullOrEmpty(after) ? null : after)
            : throw new ExecutionError("after must be a cursor returned by this API (pageInfo.endCursor or an edge's cursor).") { Code = InvalidCursor };
    }

    public static string? IdArgument(this IResolveFieldContext context, string name)
    {
        var value = context.GetArgument<string?>(name);
        return value is null || (value.Length is > 0 and <= 200 && !value.Any(char.IsControl))
            ? value
            : throw Invalid($"{name} must be an id of 1 to 200 characters.");
    }

    public static string? OneOf(this IResolveFieldContext context, string name, IReadOnlyList<string> values)
    {
        var value = context.GetArgument<string?>(name);
        return value is null || values.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid($"{name} must be one of: {string.Join(", ", values)}.");
    }

    public static string? SearchText(this IResolveFieldContext context, string name, bool required)
    {
        var value = context.GetArgument<string?>(name);
        if (value is null && !required)
        {
            return null;
        }

        return value is not null && value.Length <= 500 && SearchTerms.Parse(value).Tokens.Count > 0
            ? value
            : throw Invalid($"{name} must contain at least one letter or digit and at most 500 characters.");
    }

    /// <summary>A document filter naming no document is an error (as in REST), so a typo is never taken for "no results".</summary>
    public static async Task<string?> KnownDocumentAsync(this IResolveFieldContext context, string name)
    {
        var id = context.IdArgument(name);
        if (id is not null && await context.Service<DocumentQueries>().GetAsync(id, context.CancellationToken) is null)
        {
            throw Invalid($"{name}: no document has the id '{id}'.");
        }

        return id;
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = InvalidArgument };
}
