using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Endpoints;

/// <summary>The named things the documents talk about: laws, treaties, plans, institutions and dated events.</summary>
public static class EntityEndpoints
{
    public static IEndpointRouteBuilder MapEntityEndpoints(this IEndpointRouteBuilder app)
    {
        var entities = app.MapGroup("/v1/entities").WithTags("Entities");
        entities.MapGet("/", ListEntities).WithName("listEntities")
            .WithSummary("List laws, treaties, plans, institutions and dated events")
            .WithDescription("Each entity has a normalized id (law/2024-04-15-womens-rights-and-child-safety), the attributes its mentions state "
                + "(adopted, signed, ratified, inForce, since, period…), the documents that mention it and the disagreements between mentions, "
                + "with both quotes. Ordered by kind, then id.")
            .WithRequestValidation<ListEntitiesRequest>().WithTableAnswers(Tables.Entities);
        entities.MapGet("/{**entityId}", GetEntity).WithName("getEntity").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one entity with its mentions across documents")
            .WithDescription("Every mention in reading order, with document, paragraph, quote, offsets and the attributes it states.")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<Page<EntityDto>>, TableAnswer>> ListEntities(
        [AsParameters] ListEntitiesRequest request, HttpContext http, EntityQueries entities, CancellationToken ct)
    {
        var filter = new EntityFilter(request.Kind, request.Document, request.Q);
        return TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await entities.TableAsync(filter, ct), request, ct)
            : TypedResults.Ok(await entities.ListAsync(filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<EntityDto>>, ProblemHttpResult>> GetEntity(string entityId, EntityQueries entities, CancellationToken ct) =>
        await entities.GetServedAsync(entityId, ct) is { } entity ? TypedResults.Ok(entity) : Problems.NotFound("Entity", entityId);
}

/// <summary>Query of <c>GET /v1/entities</c>.</summary>
public sealed record ListEntitiesRequest(
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "document")] string? Document,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListEntitiesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).OneOf("kind", EntityQueries.Kinds).OverridePropertyName("kind");
            RuleFor(r => r.Document).ValidId("document").OverridePropertyName("document");
            RuleFor(r => r.Q).ValidSearchText("q").OverridePropertyName("q");
            this.AddPagingRules();
        }
    }
}
