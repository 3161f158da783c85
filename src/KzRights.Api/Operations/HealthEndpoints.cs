using KzRights.Api.Endpoints;
using KzRights.Api.Infrastructure;
using KzRights.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KzRights.Api.Operations;

/// <summary>Probe answer: <c>ok</c> / <c>ready</c>, or <c>not ready</c> with the failing checks.</summary>
public sealed record HealthDto(
    string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<HealthCheckDto>? Checks = null);

/// <summary>One readiness check: its name, <c>healthy</c> or <c>unhealthy</c>, and why.</summary>
public sealed record HealthCheckDto(string Name, string Status, string? Description);

/// <summary><c>/health/live</c> (the process serves requests; <c>/health</c> is its alias) and <c>/health/ready</c>
/// (the database answers and holds a corpus), on ASP.NET Core's health check service.</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddKzRightsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<CorpusLoadedCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Service");
        group.MapGet("", Live).WithName("health").WithSummary("Liveness probe (alias of /health/live)")
            .WithDescription("Answers 200 while the process serves requests; it does not touch the database.").WithRequestValidation<NoQuery>();
        group.MapGet("/live", Live).WithName("healthLive").WithSummary("Liveness probe")
            .WithDescription("Answers 200 while the process serves requests; it does not touch the database.").WithRequestValidation<NoQuery>();
        group.MapGet("/ready", ReadyAsync).WithName("healthReady").WithSummary("Readiness probe")
            .WithDescription("200 when the database answers and holds an ingested corpus; 503 with the failing checks otherwise.")
            .Produces<HealthDto>(StatusCodes.Status503ServiceUnavailable).WithRequestValidation<NoQuery>();
        return app;
    }

    /// <summary>The <c>probe URL</c> command: exit 0 when the URL answers 2xx within 4 s, else 1. Container health
    /// checks use it because the runtime image has no curl or wget.</summary>
    public static async Task<int> ProbeAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }

    private static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("ok"));

    private static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> ReadyAsync(
        HealthCheckService health,
        HttpResponse response,
        CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), ct);
        var checks = report.Entries
            .Select(e => new HealthCheckDto(e.Key, e.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy", e.Value.Description))
            .ToArray();
        if (report.Status == HealthStatus.Healthy)
        {
            return TypedResults.Ok(new HealthDto("ready", checks));
        }

        response.Headers.RetryAfter = ServiceUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Json(new HealthDto("not ready", checks), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Reads the ingest state row: one query shows both that the database answers and that a corpus is
    /// loaded, and says which of the two failed (the EF Core package's DbContext check only reports a boolean).</summary>
    private sealed class CorpusLoadedCheck(IDbContextFactory<KzRightsDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var state = await db.IngestState.Untracked().OrderBy(s => s.Id).Select(s => new { s.ManifestSha256, s.IngestedAt })
                    .FirstOrDefaultAsync(cancellationToken);
                if (state is null)
                {
                    return HealthCheckResult.Unhealthy("no corpus has been ingested");
                }

                KzRightsMetrics.CorpusServed(state.IngestedAt);
                return HealthCheckResult.Healthy($"corpus {state.ManifestSha256[..12]} ingested {state.IngestedAt:u}");
            }
            catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
            {
                return HealthCheckResult.Unhealthy($"database unreachable: {DatabaseFaults.Describe(ex)}");
            }
        }
    }
}
