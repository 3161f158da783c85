using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace KzRights.Api.Operations;

/// <summary>One structured Information line per request: method, route template, path, status and duration.
/// ASP.NET Core's HttpLogging writes the path but not the matched route template, which is what dashboards group by,
/// hence this small middleware; it sits outermost so the status is the one the client received.</summary>
public static class RequestLogging
{
    /// <summary>Status logged for a request the client abandoned before an answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("KzRights.Api.Requests");
        var releases = app.ApplicationServices.GetRequiredService<KzRights.Data.Releases.CurrentRelease>();
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? ClientClosedRequest : context.Response.StatusCode;
                // The exception handler clears the endpoint before writing its answer; its feature keeps the one that failed.
                var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.Trim('/') : "(no route)";
                logger.LogInformation("{Method} {Route} {Path} {StatusCode} {ElapsedMs:0.0} ms release {Release}",
                    context.Request.Method, route, context.Request.Path.Value, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, releases.Known?.Id
                        ?? "-");
            }
        });
    }
}
