using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using KzRights.Data;
using KzRights.Data.Releases;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KzRights.Api.Infrastructure;

/// <summary>Configuration section <c>Caching</c>: the server-side output cache.</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>false turns the output cache off (the benchmark and the checks measure the uncached path with it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>): instances then share one cache.
    /// Empty: an in-memory cache per instance.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the Redis keys, so deployments can share one Redis server.</summary>
    public string RedisPrefix { get; set; } = "kzrights:";

    /// <summary>Memory the in-memory store may use, in megabytes.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Caching:{0} must be at least 1")]
    public int SizeLimitMegabytes { get; set; } = 100;

    /// <summary>Largest answer kept, in kilobytes; larger ones (whole-table downloads) are streamed and not cached.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Caching:{0} must be at least 1")]
    public int MaxEntryKilobytes { get; set; } = 4096;
}

public static class ResponseCachingSetup
{
    /// <summary>The tag every cached answer carries: evicted when a release is published.</summary>
    public const string ReleaseTag = "kzrights-release";

    public static IServiceCollection AddKzRightsResponseCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HttpCachingOptions>(HttpCachingOptions.SectionName);
        services.AddValidatedOptions<CachingOptions>(CachingOptions.SectionName);
        // Registered whether or not Caching:Enabled is true (UseKzRightsResponseCaching decides whether it runs); evicting
        // an unused memory store costs nothing.
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(new ReleaseOutputCachePolicy());
            o.UseCaseSensitivePaths = true;
        });
        services.AddOptions<OutputCacheOptions>().Configure<CachingOptions>((o, caching) =>
        {
            o.SizeLimit = caching.SizeLimitMegabytes * 1024L * 1024L;
            // A whole-table CSV/NDJSON stream is not buffered for the cache past this size, so its memory stays flat.
            o.MaximumBodySize = caching.MaxEntryKilobytes * 1024L;
        });
        // The store is a choice made here, not when it is first used: ASP.NET Core's memory and Redis stores are internal
        // types that only their registration methods create, so this one key is read at registration.
        if (!string.IsNullOrWhiteSpace(configuration[$"{CachingOptions.SectionName}:{nameof(CachingOptions.Redis)}"]))
        {
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<RedisOutputCacheOptions>().Configure<CachingOptions>((o, caching) =>
            {
                o.Configuration = caching.Redis;
                o.InstanceName = caching.RedisPrefix;
            });
            FailSoftOutputCacheStore.Decorate(services);
        }

        services.AddSingleton<IReleasePublishedListener, OutputCacheEviction>();

        // Fastest for what is compressed on every request; the answers the output cache keeps are compressed harder, once
        // (StoredAnswerCompression).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/graphql-response+json", TableFormats.CsvMediaType, TableFormats.NdjsonMediaType]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<ResponseCompressionProvider>();
        services.AddSingleton<IResponseCompressionProvider, StoredAnswerCompression>();
        return services;
    }

    /// <summary>Validators first (a 304 costs nothing), then the output cache, which stores what compression
    /// produced, then compression.</summary>
    public static WebApplication UseKzRightsResponseCaching(this WebApplication app)
    {
        app.UseMiddleware<HttpCachingMiddleware>();
        if (app.Services.GetRequiredService<CachingOptions>().Enabled)
        {
            app.UseOutputCache();
        }

        app.UseResponseCompression();
        return app;
    }

    private sealed class OutputCacheEviction(IServiceProvider services, CachingOptions caching) : IReleasePublishedListener
    {
        public async Task OnPublishedAsync(ReleaseDto release, CancellationToken ct)
        {
            if (caching.Enabled)
            {
                await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(ReleaseTag, ct);
            }
        }
    }
}

/// <summary>Caches the reads <see cref="HttpCachingMiddleware"/> validates, keyed by path, every query value, the
/// Accept and Accept-Encoding headers and the release, so an answer is never served for another release.</summary>
internal sealed class ReleaseOutputCachePolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!HttpCachingMiddleware.IsCacheableRead(http.Request)
            || await http.RequestServices.GetRequiredService<ReleaseContext>().KnownAsync(cancellation) is not { } release)
        {
            context.EnableOutputCaching = false;
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        context.CacheVaryByRules.QueryKeys = "*";
        // Answers do not name the host (links are paths), so instances behind different addresses share entries.
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.HeaderNames = new StringValues(["Accept", "Accept-Encoding"]);
        context.CacheVaryByRules.VaryByValues["release"] = release.Id;
        context.CacheVaryByRules.VaryByValues["target"] = HttpCachingMiddleware.TargetOf(http.Request);
        context.Tags.Add(ResponseCachingSetup.ReleaseTag);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        KzRightsMetrics.OutputCacheRequests.Add(1, new KeyValuePair<string, object?>("result", "hit"));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        KzRightsMetrics.OutputCacheRequests.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        var response = context.HttpContext.Response;
        // An answer read in a newer release's snapshot than its key names (another instance has just published) is not
        // kept under that key.
        if (response.StatusCode != StatusCodes.Status200OK || HttpCachingMiddleware.IsTransient(context.HttpContext)
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || context.HttpContext.RequestServices.GetRequiredService<ReleaseContext>().Resolved is { } read
            && context.CacheVaryByRules.VaryByValues.TryGetValue("release", out var keyed) && keyed != read.Id)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Chooses the compression of an answer: ASP.NET Core's choice by <c>Accept-Encoding</c>, at the fastest level
/// for an answer compressed on every request, and at the optimal level for a JSON answer the output cache keeps, which
/// is compressed once per release and then served from memory to every client that asks for it. Measured on the list of
/// 50 paragraphs (63 KB of JSON): gzip 12.1 KB at the fastest level, about 8 KB at the optimal one, and Brotli 22.5 KB at
/// the fastest level (its quality 1) against about 8 KB at the optimal one (quality 4); every cache hit copies those bytes
/// to the socket and the client reads them. Tables (CSV, NDJSON) keep the fastest level: a whole-table stream passes
/// through the output cache but is too large to be kept, and would only stream more slowly.</summary>
internal sealed class StoredAnswerCompression(ResponseCompressionProvider byAcceptEncoding) : IResponseCompressionProvider
{
    private readonly BrotliCompressionProvider _storedBrotli =
        new(Microsoft.Extensions.Options.Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    private readonly GzipCompressionProvider _storedGzip =
        new(Microsoft.Extensions.Options.Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var chosen = byAcceptEncoding.GetCompressionProvider(context);
        if (chosen is null || !IsStoredJson(context))
        {
            return chosen;
        }

        return chosen.EncodingName switch
        {
            "br" => _storedBrotli,
            "gzip" => _storedGzip,
            _ => chosen,
        };
    }

    /// <summary>As ASP.NET Core decides by media type, except a release's dataset files: files on disk served with ranges
    /// and a strong ETag of their bytes, which an encoding on the fly would break (Parquet and the zip are compressed
    /// already).</summary>
    public bool ShouldCompressResponse(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OwnValidatorsMetadata>() is null && byAcceptEncoding.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => byAcceptEncoding.CheckRequestAcceptsCompression(context);

    /// <summary>A JSON answer (<c>application/json</c>, <c>application/problem+json</c>, <c>application/graphql-response+json</c>)
    /// the output cache is set to keep.</summary>
    private static bool IsStoredJson(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true }
        && MediaTypeHeaderValue.TryParse(context.Response.ContentType, out var media)
        && media.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
        && (media.SubType.Equals("json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
