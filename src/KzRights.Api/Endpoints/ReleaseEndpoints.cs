using FluentValidation;
using KzRights.Api.Infrastructure;
using KzRights.Data.Queries;
using KzRights.Data.Releases;
using KzRights.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

public static class ReleaseEndpoints
{
    public static IEndpointRouteBuilder MapReleaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/releases").WithTags("Releases");
        group.MapGet("/", ListReleases).WithName("listReleases")
            .WithSummary("List the data releases, newest first")
            .WithDescription("Every ingest that changed any record published an immutable release: its id, time, corpus manifest hash, parser version, record counts and licence.")
            .WithRequestValidation<ListReleasesRequest>();
        group.MapGet("/latest", GetLatestRelease).WithName("getLatestRelease").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get the release currently served")
            .WithDescription("The newest release: the data every other route answers from.")
            .WithRequestValidation<NoQuery>();
        group.MapGet("/{releaseId}", GetRelease).WithName("getRelease").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one release")
            .WithDescription("A release by id, e.g. 2026.12.01-1a2b3c4d (publication date and the start of its content hash).")
            .WithRequestValidation<NoQuery>();
        group.MapGet("/{releaseId}/changes", ListReleaseChanges).WithName("listReleaseChanges").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List what a release changed")
            .WithDescription("Records added, changed or removed from the previous release to this one, with their old and new content hashes (`latest` stands for the newest release), "
                + "ordered by record type and id. A record counts as changed when anything it serves changed, embedded indicators, links and themes included.")
            .WithRequestValidation<ListChangesRequest>().WithTableAnswers(Tables.ReleaseChanges);
        app.MapGroup("/v1/changes").WithTags("Releases")
            .MapGet("/", ListChangesSince).WithName("listChangesSince")
            .WithSummary("List what changed since a release")
            .WithDescription("The net changes from the given release to the latest one, across every release in between: the call an integrator syncs with.")
            .WithRequestValidation<ListChangesSinceRequest>().WithTableAnswers(Tables.ReleaseChanges);
        return app;
    }

    public static async Task<Ok<Page<ReleaseDto>>> ListReleases([AsParameters] ListReleasesRequest request, ReleaseQueries releases, CancellationToken ct) =>
        TypedResults.Ok(await releases.ListAsync(QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));

    public static async Task<Results<Ok<ReleaseDto>, ProblemHttpResult>> GetLatestRelease(ReleaseQueries releases, CancellationToken ct) =>
        await releases.LatestAsync(ct) is { } release
            ? TypedResults.Ok(release)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No release yet", detail: "No data has been published yet; the corpus is being ingested.");

    public static async Task<Results<Ok<ReleaseDto>, ProblemHttpResult>> GetRelease([ReleaseId] string releaseId, ReleaseQueries releases, CancellationToken ct) =>
        await releases.GetAsync(releaseId, ct) is { } release ? TypedResults.Ok(release) : Problems.NotFound("Release", releaseId);

    public static async Task<Results<Ok<ChangePage>, ProblemHttpResult, TableAnswer>> ListReleaseChanges(
        [ReleaseId] string releaseId, [AsParameters] ListChangesRequest request, HttpContext http, ReleaseQueries releases, CancellationToken ct)
    {
        var filter = new ChangeFilter(request.Type, request.Document);
        if (TableAnswer.Requested(http) is not null)
        {
            return await releases.ChangesTableAsync(releaseId, filter, ct) is { } table
                ? await TableAnswer.CreateAsync(http, table, request, ct)
                : Problems.NotFound("Release", releaseId);
        }

        var page = await releases.ChangesAsync(releaseId, filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct);
        return page is null ? Problems.NotFound("Release", releaseId) : TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<ChangePage>, TableAnswer>> ListChangesSince(
        [AsParameters] ListChangesSinceRequest request, HttpContext http, ReleaseQueries releases, CancellationToken ct)
    {
        var filter = new ChangeFilter(request.Type, request.Document);
        return TableAnswer.Requested(http) is not null
            ? await TableAnswer.CreateAsync(http, await releases.ChangesSinceTableAsync(request.Since!, filter, ct), request, ct)
            : TypedResults.Ok(await releases.ChangesSinceAsync(request.Since!, filter, QueryRules.LimitOrDefault(request.Limit), request.Cursor, ct));
    }
}

/// <summary>Query of <c>GET /v1/releases</c>.</summary>
public sealed record ListReleasesRequest([LimitParameter] string? Limit, [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListReleasesRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}

/// <summary>Query of <c>GET /v1/releases/{releaseId}/changes</c>.</summary>
public sealed record ListChangesRequest(
    [ChangeTypeParameter] string? Type,
    [DocumentParameter] string? Document,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListChangesRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}

/// <summary>Query of <c>GET /v1/changes</c>.</summary>
public sealed record ListChangesSinceRequest(
    [SinceParameter] string? Since,
    [ChangeTypeParameter] string? Type,
    [DocumentParameter] string? Document,
    [LimitParameter] string? Limit,
    [CursorParameter] string? Cursor) : IPagedRequest
{
    public sealed class Validator : AbstractValidator<ListChangesSinceRequest>
    {
        public Validator() => this.AddParameterRules();
    }
}

/// <summary>The <c>type</c> of the two change lists.</summary>
public sealed class ChangeTypeParameterAttribute()
    : OneOfParameterAttribute("type", "Only changes of records of this type.", typeof(RecordTypes), nameof(RecordTypes.All));
