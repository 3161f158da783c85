using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Endpoints;

public static class RecommendationEndpoints
{
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/recommendations").WithTags("Recommendations");
        group.MapGet("/", ListRecommendations).WithName("listRecommendations")
            .WithSummary("List recommendations and questions")
            .WithDescription("UPR recommendations, CCPR recommendations, CEDAW list-of-issues questions and special-procedures communications, each with the paragraphs that respond to it. Text is null where the corpus does not contain it.")
            .WithRequestValidation<ListRecommendationsRequest>().WithTableAnswers(Tables.Recommendations);
        group.MapGet("/{**recommendationId}", GetRecommendation).WithName("getRecommendation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one recommendation with its responses")
            .WithDescription("The recommendation or question, the prior recommendations it cites, its follow-up status and every paragraph linked to it (relation and evidence).")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<Page<Served<RecommendationDto>>>, TableAnswer>> ListRecommendations(
        [AsParameters] ListRecommendationsRequest request, HttpContext http, RecommendationQueries recommendations, CancellationToken ct)
    {
        var filter = new RecommendationFilter(request.Mechanism, request.Document, request.FollowUp is null ? null : request.FollowUp == "true");
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await recommendations.TableAsync(filter, ct), request, ct);
        }

        return TypedResults.Ok(await recommendations.ListServedAsync(filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<RecommendationDto>>, ProblemHttpResult>> GetRecommendation(string recommendationId, RecommendationQueries recommendations, CancellationToken ct) =>
        await recommendations.GetServedAsync(recommendationId, ct) is { } recommendation ? TypedResults.Ok(recommendation) : Problems.NotFound("Recommendation", recommendationId);
}

/// <summary>Query of <c>GET /v1/recommendations</c>.</summary>
public sealed record ListRecommendationsRequest(
    [FromQuery(Name = "mechanism")] string? Mechanism,
    [FromQuery(Name = "document")] string? Document,
    [FromQuery(Name = "followUp")] string? FollowUp,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListRecommendationsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Mechanism).OneOf("mechanism", RecommendationFilter.Mechanisms).OverridePropertyName("mechanism");
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            RuleFor(r => r.FollowUp).ValidBoolean("followUp").OverridePropertyName("followUp");
            this.AddPagingRules();
        }
    }
}
