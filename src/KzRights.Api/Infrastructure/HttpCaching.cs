using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.IO.Hashing;
using System.Text;
using KzRights.Data.Releases;
using Microsoft.Net.Http.Headers;

namespace KzRights.Api.Infrastructure;

/// <summary>Configuration section <c>Http</c>: the caching headers of successful reads.</summary>
public sealed class HttpCachingOptions
{
    public const string SectionName = "Http";

    [Range(0, int.MaxValue, ErrorMessage = "Http:{0} must not be negative")]
    public int MaxAgeSeconds { get; set; } = 60;

    [Range(0, int.MaxValue, ErrorMessage = "Http:{0} must not be negative")]
    public int StaleWhileRevalidateSeconds { get; set; } = 600;
}

/// <summary>Conditional requests and caching headers for reads of the data (<c>GET</c>/<c>HEAD</c> under <c>/v1</c>,
/// <c>GET /graphql</c>). An answer is a function of the release and the request, so the validator is computed from
/// those alone: every instance on one database answers the same ETag, and a matching <c>If-None-Match</c> (or an
/// <c>If-Modified-Since</c> not older than the release) is a 304 that costs no query, checked against the release this
/// instance knows of. An answer that is read names the release of its own snapshot
/// (<see cref="ReleaseContext.ReadInSnapshotAsync"/>), which is newer when another instance has just published, and its
/// validators are that release's. ASP.NET Core has no middleware for this; its output cache serves bodies, not
/// validators.</summary>
public sealed class HttpCachingMiddleware(RequestDelegate next, HttpCachingOptions options)
{
    private readonly string _cacheControl = $"public, max-age={options.MaxAgeSeconds}, stale-while-revalidate={options.StaleWhileRevalidateSeconds}";

    public async Task InvokeAsync(HttpContext context, ReleaseContext releases)
    {
        var request = context.Request;
        if (NeedsKey(context))
        {
            // A keyed answer (webhook subscriptions and deliveries) depends on the caller and changes between releases.
            NoStoreWhen(context, _ => true);
            await next(context);
            return;
        }

        if (!IsCacheableRead(request))
        {
            // No error is kept: an endpoint with its own validators sets Cache-Control for what it answers (a dataset file is
            // immutable), not for its errors; and a request routing refused (a POST of another Content-Type: 415) has no
            // endpoint to say so.
            NoStoreWhen(context, response => response.StatusCode >= 400);
            await next(context);
            return;
        }

        var release = await releases.KnownAsync(context.RequestAborted);
        if (release is null)
        {
            NoStoreWhen(context, _ => true);
            await next(context);
            return;
        }

        var etag = ETagOf(release.Id, request);
        var lastModified = LastModifiedOf(release);
        if (NotModified(request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetValidators(context.Response, etag, lastModified);
            return;
        }

        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK && IsTransient(context))
            {
                response.Headers.CacheControl = "no-store";
            }
            else if (response.StatusCode == StatusCodes.Status200OK)
            {
                // An answer read in a snapshot of a newer release than this instance knew of carries that release's.
                var answered = releases.Resolved is { } read && read.Id != release.Id ? read : release;
                SetValidators(response, answered == release ? etag : ETagOf(answered.Id, request), LastModifiedOf(answered));
            }
            else if (response.StatusCode >= 400)
            {
                response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>Sets <c>Cache-Control: no-store</c> as the response starts, if <paramref name="when"/> holds for it.</summary>
    private static void NoStoreWhen(HttpContext context, Func<HttpResponse, bool> when) => context.Response.OnStarting(() =>
    {
        if (when(context.Response))
        {
            context.Response.Headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    });

    /// <summary>Marks a 200 answer that reports a passing failure rather than the data (a GraphQL error such as
    /// <c>TIMEOUT</c> or <c>INTERNAL_ERROR</c>, which GraphQL over HTTP answers with 200 under <c>application/json</c>):
    /// it carries <c>no-store</c> instead of validators and the output cache does not keep it, so the next request is
    /// run again rather than answered with the failure until the next release. Call it before the body is written.</summary>
    public static void MarkTransient(HttpContext context) => context.Items[TransientKey] = true;

    internal static bool IsTransient(HttpContext context) => context.Items.ContainsKey(TransientKey);

    private const string TransientKey = "kzrights.transientAnswer";

    /// <summary>GET or HEAD under /v1, GET /graphql (a query in the URL; POST bodies are not cached), except endpoints
    /// that set their own validators (<see cref="OwnValidatorsMetadata"/>) and those that need a key.</summary>
    public static bool IsCacheableRead(HttpRequest request) =>
        ((HttpMethods.IsGet(request.Method) && (request.Path.StartsWithSegments("/v1") || request.Path.Equals("/graphql")))
            || (HttpMethods.IsHead(request.Method) && request.Path.StartsWithSegments("/v1")))
        && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OwnValidatorsMetadata>() is null
        && !NeedsKey(request.HttpContext);

    private static bool NeedsKey(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null;

    /// <summary>The release's publication time in whole seconds, as HTTP dates carry it.</summary>
    private static DateTimeOffset LastModifiedOf(ReleaseDto release)
    {
        var published = release.PublishedAt.ToUniversalTime();
        return new DateTimeOffset(published.Year, published.Month, published.Day, published.Hour, published.Minute, published.Second, TimeSpan.Zero);
    }

    private void SetValidators(HttpResponse response, string etag, DateTimeOffset lastModified)
    {
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        response.Headers.CacheControl = _cacheControl;
        response.Headers.Vary = "Accept, Accept-Encoding";
    }

    /// <summary>The request target as sent: the decoded path cannot tell <c>upr-3%2F139.30</c> from the double-encoded
    /// <c>upr-3%252F139.30</c> (Kestrel leaves <c>%2F</c> encoded), which name different resources.</summary>
    internal static string TargetOf(HttpRequest request) =>
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : $"{request.PathBase}{request.Path}{request.QueryString}";

    /// <summary>Weak: the same representation may travel gzip-, Brotli- or un-encoded.</summary>
    internal static string ETagOf(string releaseId, HttpRequest request)
    {
        // XXH3 (64 bits) of "<target>\n<Accept>" from a stack buffer: this runs for every cacheable read, output-cache hits
        // included, where SHA-256 through OpenSSL and the strings and arrays around it were a measurable part. The tag needs
        // no cryptographic hash: it is public, names its release, and only has to differ between representations.
        var (target, accept) = (TargetOf(request), request.Headers.Accept.ToString());
        var length = Encoding.UTF8.GetByteCount(target) + 1 + Encoding.UTF8.GetByteCount(accept);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var input = rented is null ? stackalloc byte[1024] : rented.AsSpan();
            var written = Encoding.UTF8.GetBytes(target, input);
            input[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(accept, input[written..]);
            return $"W/\"{releaseId}-{XxHash3.HashToUInt64(input[..written]):x16}\"";
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // RFC 9110 13.1.2: If-None-Match uses weak comparison, and when present If-Modified-Since is ignored.
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && lastModified <= since;
    }
}

/// <summary>Marks an endpoint that answers conditional and range requests itself (a release's dataset files: a strong
/// ETag of the file's SHA-256, the same in every later release; bodies of many megabytes streamed from disk). The
/// release-keyed validators, the output cache (which would hold each body in memory) and the read transaction of
/// <see cref="ReleaseSnapshots"/> (which a long download would hold open) leave it alone.</summary>
public sealed class OwnValidatorsMetadata;
