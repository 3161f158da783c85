using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

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
        if (TableAnswer.Requested(http) is not null)
        {
            return await TableAnswer.CreateAsync(http, await recommendations.TableAsync(request.Filter, ct), request, ct);
        }

        return TypedResults.Ok(await recommendations.ListServedAsync(request.Filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<RecommendationDto>>, ProblemHttpResult>> GetRecommendation(
        [PathParameter("Recommendation id, e.g. upr-3/139.30, ccpr-3/20, cedaw-loi-6/12(a), sp/al-kaz-4-2025. The '/' may be sent as is or as %2F.")]
        string recommendationId,
        RecommendationQueries recommendations,
        CancellationToken ct) =>
        await recommendations.GetServedAsync(recommendationId, ct) is { } recommendation ? TypedResults.Ok(recommendation) : Problems.NotFound("Recommendation", recommendationId);
}

/// <summary>Query of <c>GET /v1/recommendations</c> and arguments of GraphQL's <c>recommendations</c>.</summary>
public sealed record ListRecommendationsRequest(
    [OneOfParameter("mechanism", "The human-rights mechanism that issued the recommendation.", typeof(RecommendationFilter), nameof(RecommendationFilter.Mechanisms))]
    string? Mechanism,
    [DocumentParameter] string? Document,
    [BooleanParameter("followUp", "Only recommendations singled out (true) or not singled out (false) for follow-up.")] string? FollowUp,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public RecommendationFilter Filter => new(Mechanism, Document, FollowUp is null ? null : FollowUp == "true");

    public sealed class Validator : AbstractValidator<ListRecommendationsRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
