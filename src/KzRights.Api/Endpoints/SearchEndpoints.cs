using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Tables;
using KzRights.Data.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/search").WithTags("Search")
            .MapGet("/", Search).WithName("search")
            .WithSummary("Full-text search across paragraphs and recommendations")
            .WithDescription($"Ranked by relevance (best first). {SearchTerms.Description} Quotes and operators are treated as plain text. "
                + "Each hit has a snippet with highlight offsets.")
            .WithRequestValidation<SearchRequest>().WithTableAnswers(Tables.SearchHits);
        return app;
    }

    public static async Task<Results<Ok<Page<SearchHitDto>>, TableAnswer>> Search([AsParameters] SearchRequest request, HttpContext http, SearchQueries search, CancellationToken ct)
    {
        var targets = SearchTargets.Selected(request.Type);
        return TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, search.Table(request.Q!, targets), request, ct)
            : TypedResults.Ok(await search.SearchAsync(request.Q!, targets, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }
}

/// <summary>Query of <c>GET /v1/search</c> and arguments of GraphQL's <c>search</c>.</summary>
public sealed record SearchRequest(
    [TextQueryParameter(Required = true)] string? Q,
    [OneOfParameter("type", "Only this kind of record.", typeof(SearchTargets), nameof(SearchTargets.Names))] string? Type,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<SearchRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
