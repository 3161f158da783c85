using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

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
        return TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await entities.TableAsync(request.Filter, ct), request, ct)
            : TypedResults.Ok(await entities.ListAsync(request.Filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }

    public static async Task<Results<Ok<Served<EntityDto>>, ProblemHttpResult>> GetEntity(
        [PathParameter("Entity id: kind and normalized name, e.g. law/2024-04-15-womens-rights-and-child-safety or treaty/iccpr-op2. The '/' may be sent as is or as %2F.")]
        string entityId,
        EntityQueries entities,
        CancellationToken ct) =>
        await entities.GetServedAsync(entityId, ct) is { } entity ? TypedResults.Ok(entity) : Problems.NotFound("Entity", entityId);
}

/// <summary>Query of <c>GET /v1/entities</c> and arguments of GraphQL's <c>entities</c>.</summary>
public sealed record ListEntitiesRequest(
    [OneOfParameter("kind", "Only laws, treaties, plans, institutions or dated events.", typeof(EntityQueries), nameof(EntityQueries.Kinds))] string? Kind,
    [DocumentParameter] string? Document,
    [WordsParameter("q", "Words of the entity's name or of any mention's quote (all must occur, case-insensitive).")] string? Q,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public EntityFilter Filter => new(Kind, Document, Q);

    public sealed class Validator : AbstractValidator<ListEntitiesRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}
