using KzRights.Api.Infrastructure;
using KzRights.Data.Ingest;
using KzRights.Data.Releases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KzRights.Api.Endpoints;

/// <summary>Operations for the maintainers of a deployment, under <c>/v1/admin</c>: an API key with the admin scope,
/// no CORS (a browser page on another origin cannot call them).</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").WithTags("Admin").RequireAuthorization(ApiKeys.AdminPolicy);
        admin.MapPost("/ingest", Ingest).WithName("ingestCorpus")
            .WithSummary("Re-ingest the corpus now")
            .WithDescription("Loads the corpus folder when its manifest changed (or always with force=true) and publishes a release when any record " +
                "changed. Runs without the request time limit; concurrent calls wait for each other (the ingest holds a database lock).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableRequestTimeout();
        return app;
    }

    private static async Task<Ok<IngestAnswer>> Ingest(
        [BooleanParameter("force", "Reload the corpus even when its manifest is unchanged.")] bool? force,
        CorpusIngestor ingestor, IConfiguration configuration, IHostEnvironment environment,
        CancellationToken ct)
    {
        var result = await ingestor.EnsureIngestedAsync(CorpusStartup.CorpusDirectory(configuration, environment), force ?? false, cancellationToken: ct);
        var elapsed = Math.Round(result.Elapsed.TotalMilliseconds);
        return TypedResults.Ok(new IngestAnswer(result.Ingested, result.ManifestSha256, result.Summary, elapsed, result.Release));
    }
}

/// <summary>What an ingest did: whether it loaded the corpus, and the release it published (null when the records did
/// not change, or nothing was loaded).</summary>
public sealed record IngestAnswer(bool Ingested, string ManifestSha256, string Summary, double ElapsedMilliseconds, ReleaseDto? Release);
