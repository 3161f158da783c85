using KzRights.Data.Queries;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace KzRights.Api.Infrastructure;

/// <summary>What every public answer shares: CORS for browsers on other origins, HEAD beside every GET, RFC 8288
/// <c>Link</c> headers on lists, ids taken from the request line decoded exactly once, and security headers.</summary>
public static class HttpConventions
{
    /// <summary>GET and HEAD from any origin, without credentials: the data is public and never cookie-bound.</summary>
    public const string PublicReadCors = "public-read";

    /// <summary>GET and POST on <c>/graphql</c> from any origin, without credentials.</summary>
    public const string GraphQLCors = "graphql";

    /// <summary>Headers a browser script may read: caching validators, paging links, the rate-limit answer, and what a
    /// table or dataset download says about itself (its total row count, file name and the range a resumed download got).</summary>
    public static readonly IReadOnlyList<string> ExposedHeaders =
        ["ETag", "Link", "Location", "Retry-After", "RateLimit", "RateLimit-Policy", "Content-Language", "X-Total-Count", "Content-Disposition",
            "Content-Range"];

    /// <summary>How long a browser may reuse a preflight answer; Chromium caps it at two hours.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromHours(2);

    /// <summary>Answers that are JSON, never a page: nothing may load, run or frame them.</summary>
    private const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Swagger UI and GraphiQL load only their own scripts and styles (served by this API) and talk only to
    /// this API; their bundles set inline styles and embed images and fonts as data: URLs.</summary>
    private const string UiContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddKzRightsHttpConventions(this IServiceCollection services)
    {
        services.AddCors(o =>
        {
            o.AddPolicy(PublicReadCors, p => p.AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head).AllowAnyHeader()
                .WithExposedHeaders([.. ExposedHeaders]).SetPreflightMaxAge(PreflightMaxAge));
            o.AddPolicy(GraphQLCors, p => p.AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Post).AllowAnyHeader()
                .WithExposedHeaders([.. ExposedHeaders]).SetPreflightMaxAge(PreflightMaxAge));
        });
        return services;
    }

    /// <summary>Security headers on every answer, errors included (set when the response starts, because the
    /// exception handler clears headers set earlier).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            var path = http.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/swagger") || path.StartsWithSegments("/graphql/ui")
                ? UiContentSecurityPolicy
                : ApiContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>A read under <c>/v1</c> that matches no route (a mistyped collection) gets the CORS answer of the reads
    /// around it, so a page on another origin can read its 404 problem instead of failing with an opaque CORS error;
    /// a preflight for it is answered as the reads' preflights are. The CORS middleware alone applies only the policy of
    /// a matched endpoint.</summary>
    public static IApplicationBuilder UsePublicReadCorsOnUnknownRoutes(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var method = HttpMethods.IsOptions(request.Method) ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
        if (http.GetEndpoint() is null && request.Path.StartsWithSegments("/v1") && request.Headers.Origin.Count > 0
            && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            var policy = await http.RequestServices.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(http, PublicReadCors);
            var cors = http.RequestServices.GetRequiredService<ICorsService>();
            var result = cors.EvaluatePolicy(http, policy!);
            cors.ApplyResult(result, http.Response);
            if (result.IsPreflightRequest)
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }

        await next(http);
    });

    /// <summary>A client that closes the connection mid-request is normal traffic, not a server fault: it is logged
    /// once at Information (placed inside the exception handler, so it never reaches it as an unhandled error).</summary>
    public static IApplicationBuilder UseClientAbortLogging(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (http.RequestAborted.IsCancellationRequested
            && ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpConventions))
                .LogInformation("The client closed the connection before {Method} {Path} was answered", http.Request.Method, http.Request.Path);
            if (!http.Response.HasStarted)
            {
                http.Response.StatusCode = 499; // nginx's "client closed request"; nobody receives it, access logs do
            }
        }
    });

    /// <summary>The group every public read is mapped on: CORS for any origin, HEAD beside GET, Link headers on lists.</summary>
    public static RouteGroupBuilder MapPublicReads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty);
        group.RequireCors(PublicReadCors).AcceptMethods(head: true, corsPreflight: true).AddEndpointFilter<PagingLinkFilter>();
        return group;
    }

    /// <summary>Adds <c>HEAD</c> wherever the endpoints answer <c>GET</c> (Kestrel sends no body for HEAD; the
    /// headers are those of the GET) and, with <paramref name="corsPreflight"/>, lets them answer CORS preflight
    /// requests (an <c>OPTIONS</c> with <c>Access-Control-Request-Method</c>, answered by the CORS middleware).</summary>
    public static TBuilder AcceptMethods<TBuilder>(this TBuilder builder, bool head, bool corsPreflight)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is not { } methods)
            {
                return;
            }

            var accepted = methods.HttpMethods.ToList();
            if (head && accepted.Contains(HttpMethods.Get) && !accepted.Contains(HttpMethods.Head))
            {
                accepted.Add(HttpMethods.Head);
            }

            endpoint.Metadata.Add(new HttpMethodMetadata(accepted, acceptCorsPreflight: corsPreflight || methods.AcceptCorsPreflight));
        });
        return builder;
    }

    /// <summary>Route values of catch-all ids (<c>{**paragraphId}</c>) are re-read from the request line and
    /// percent-decoded once. Kestrel decodes <c>%25</c> but keeps <c>%2F</c>, so from the route value alone
    /// <c>upr-3%252F139.30</c> and <c>upr-3%2F139.30</c> look the same; only the first names <c>upr-3/139.30</c>.</summary>
    public static IApplicationBuilder UseIdsDecodedOnce(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.RoutePattern.Parameters.FirstOrDefault(p => p.IsCatchAll) is { } catchAll
            && http.Request.RouteValues.TryGetValue(catchAll.Name, out var routeValue) && routeValue is string value)
        {
            http.Request.RouteValues[catchAll.Name] = DecodeOnce(http, endpoint.RoutePattern, value);
        }

        return next(http);
    });

    private static string DecodeOnce(HttpContext http, RoutePattern pattern, string routeValue)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var rawPath = rawTarget?.Split('?', 2)[0];
        var decodedSegments = (http.Request.PathBase + http.Request.Path).Value!.Split('/');
        var rawSegments = rawPath?.Split('/');
        var leading = decodedSegments.Length - routeValue.Split('/').Length;
        // The request line is used when it has the same segments as the path routing saw (no dot segments removed).
        return rawSegments is not null && rawSegments.Length == decodedSegments.Length && leading >= pattern.PathSegments.Count - 1
            ? Uri.UnescapeDataString(string.Join('/', rawSegments[leading..]))
            : routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>RFC 8288 links on list answers: <c>first</c> (the same query without a cursor) and, when there is a
    /// further page, <c>next</c>.</summary>
    private sealed class PagingLinkFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is IValueHttpResult { Value: IPage page } and IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            {
                var request = context.HttpContext.Request;
                var links = new List<string> { $"<{PageAddress(request, cursor: null)}>; rel=\"first\"" };
                if (page.NextCursor is { } cursor)
                {
                    links.Insert(0, $"<{PageAddress(request, cursor)}>; rel=\"next\"");
                }

                context.HttpContext.Response.Headers.Link = string.Join(", ", links);
            }

            return result;
        }
    }

    /// <summary>The address of this request's page at <paramref name="cursor"/> (the first page when null): its path and
    /// query with the cursor replaced. Query names are matched without regard to case (Cursor is the cursor), so they are
    /// dropped the same way. The Link headers of JSON lists and of CSV/NDJSON pages both come from here.</summary>
    internal static string PageAddress(HttpRequest request, string? cursor)
    {
        var query = request.Query.Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase)).ToDictionary(p => p.Key, p => p.Value);
        if (cursor is not null)
        {
            query["cursor"] = cursor;
        }

        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
