using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Tables;
using KzRights.Data.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>Query of <c>GET /v1/search</c>.</summary>
public sealed record SearchRequest(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<SearchRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Q).NotEmpty().WithMessage("q is required.").ValidSearchText("q").OverridePropertyName("q");
            RuleFor(r => r.Type).OneOf("type", SearchTargets.Names).OverridePropertyName("type");
            this.AddPagingRules();
        }
    }
}
