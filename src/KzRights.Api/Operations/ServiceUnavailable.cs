using KzRights.Api.Infrastructure;
using KzRights.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Operations;

/// <summary>The 503 answers: the database cannot be reached, or a request ran out of time. Both are RFC 9457
/// problem+json with a stable <c>code</c> and <c>Retry-After</c>, on every route (GraphQL included).</summary>
public static class ServiceUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static Task WriteDatabaseUnavailableAsync(HttpContext http) =>
        WriteAsync(http, ErrorCodes.DatabaseUnavailable, "The database is unavailable.",
            $"The data store cannot be reached at the moment; the request was not served. Retry after {RetryAfterSeconds} seconds.");

    public static Task WriteTimeoutAsync(HttpContext http, TimeSpan timeout) =>
        WriteAsync(http, ErrorCodes.RequestTimeout, "The request took too long.",
            $"The request was cancelled after {timeout.TotalSeconds:0.#} seconds (Requests:TimeoutSeconds). Retry after {RetryAfterSeconds} seconds.");

    /// <summary>Every GraphQL execution slot is taken and the queue for them is full (<c>GraphQL:MaxConcurrentExecutions</c>).</summary>
    public static Task WriteBusyAsync(HttpContext http) =>
        WriteAsync(http, ErrorCodes.ServiceUnavailable, "The server is busy.",
            "Too many GraphQL queries are running or waiting on this instance; the request was not served. Retry after 1 second.", retryAfterSeconds: 1);

    private static async Task WriteAsync(HttpContext http, string code, string title, string detail, int retryAfterSeconds = RetryAfterSeconds)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    /// <summary>Every request gets at most <c>Requests:TimeoutSeconds</c> (default 10); queries observe the request's
    /// cancellation token, so a frozen database cannot hold a request (or its connection) for longer.</summary>
    public static IServiceCollection AddKzRightsFaultHandling(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Requests:TimeoutSeconds", 10.0));
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = http => WriteTimeoutAsync(http, timeout),
        });
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }

    /// <summary>Turns "database unreachable" failures into the 503 above, logged as one warning line (no stack trace:
    /// an outage is an operating condition, not a bug); every other exception stays a logged 500.</summary>
    private sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!DatabaseFaults.IsUnavailable(exception) || httpContext.Response.HasStarted)
            {
                return false;
            }

            logger.LogWarning(
                "{Method} {Path}: database unavailable: {Reason}",
                httpContext.Request.Method,
                httpContext.Request.Path.Value,
                DatabaseFaults.Describe(exception));
            await WriteDatabaseUnavailableAsync(httpContext);
            return true;
        }
    }
}
