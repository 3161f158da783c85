using System.Net;
using System.Net.Http.Headers;
using KzRights.Api.Infrastructure;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data.Releases;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Releases;

/// <summary>Validators and caching headers on every read, 304 round trips, errors never cached, compression.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpCachingTests(ApiFixture api)
{
    public static readonly TheoryData<string> Routes =
    [
        "/v1/documents", "/v1/documents/ccpr-c-kaz-co-3", "/v1/documents/ccpr-c-kaz-co-3/paragraphs?limit=5",
        "/v1/paragraphs?limit=5", "/v1/paragraphs/ccpr-c-kaz-co-3/20", "/v1/recommendations?mechanism=ccpr", "/v1/recommendations/ccpr-3/20",
        "/v1/search?q=torture", "/v1/themes", "/v1/themes/theme/womens-rights", "/v1/indicators?limit=5", "/v1/indicators/ccpr-c-kaz-co-3/31/i1",
        "/v1/quotas", "/v1/series", "/v1/facts", "/v1/releases", "/v1/releases/latest", "/v1/releases/latest/changes?limit=5",
        "/graphql?query=%7Bdocuments%7BtotalCount%7D%7D",
    ];

    public static IEnumerable<object[]> RoutesByProvider() =>
        ((IEnumerable<object[]>)ApiFixture.Providers).SelectMany(p => ((IEnumerable<object[]>)Routes).Select(r => new object[] { (string)p[0], (string)r[0] }));

    [Theory]
    [MemberData(nameof(RoutesByProvider))]
    public async Task Every_read_carries_validators_and_answers_304_to_them(string provider, string route)
    {
        var client = api.Client(provider);
        using var first = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var release = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        Assert.Contains(release, etag.Tag, StringComparison.Ordinal);
        Assert.Equal("public, max-age=60, stale-while-revalidate=600", first.Headers.CacheControl?.ToString());
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, route);
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, route);
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedSince = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        using var otherTag = new HttpRequestMessage(HttpMethod.Get, route);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"2000.01.01-00000000-0\"", isWeak: true));
        using var modified = await client.SendAsync(otherTag);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(etag, modified.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Two_instances_on_one_database_answer_the_same_etag_and_representations_differ_by_target(string provider)
    {
        await using var other = api.Factory(provider).WithInterceptor(new CommandCounter());
        var a = api.Client(provider);
        var b = other.CreateClient();
        using var fromA = await a.GetAsync("/v1/paragraphs?limit=5");
        using var fromB = await b.GetAsync("/v1/paragraphs?limit=5");
        Assert.Equal(fromA.Headers.ETag, fromB.Headers.ETag);
        using var otherPage = await a.GetAsync("/v1/paragraphs?limit=6");
        Assert.NotEqual(fromA.Headers.ETag, otherPage.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Errors_are_never_stored_and_carry_no_validator(string provider)
    {
        var client = api.Client(provider);
        foreach (var route in new[] { "/v1/paragraphs/no-such/1", "/v1/paragraphs?limit=0", "/v1/changes?since=2000.01.01-00000000" })
        {
            using var response = await client.GetAsync(route);
            Assert.True((int)response.StatusCode >= 400, route);
            Assert.True(response.Headers.CacheControl?.NoStore, route);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Json_is_compressed_by_accept_encoding(string provider)
    {
        var client = api.Factory(provider).CreateDefaultClient();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/paragraphs?limit=50");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Answers_the_output_cache_keeps_are_compressed_harder_than_answers_compressed_per_request(string provider)
    {
        const string route = "/v1/paragraphs?limit=47&document=ccpr-c-kaz-co-3";
        await using var uncached = new ApiFactory(provider, settings: new Dictionary<string, string?> { ["Caching:Enabled"] = "false" });
        var (cachedClient, uncachedClient) = (api.Factory(provider).CreateDefaultClient(), uncached.CreateDefaultClient());
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var (storedBytes, storedJson) = await CompressedAsync(cachedClient, route, encoding);
            var (hitBytes, hitJson) = await CompressedAsync(cachedClient, route, encoding);
            var (perRequestBytes, perRequestJson) = await CompressedAsync(uncachedClient, route, encoding);
            Assert.Equal(storedJson, hitJson);
            Assert.Equal(storedJson, perRequestJson);
            Assert.Equal(storedBytes, hitBytes);
            // Measured (2026-12-04): 19.7 KB kept against 30.7 KB per request with gzip, 19.4 KB against 45.7 KB with Brotli.
            Assert.True(storedBytes < perRequestBytes * 0.85, $"{encoding}: kept {storedBytes} bytes, per request {perRequestBytes}");
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Csv_and_ndjson_answers_are_compressed_by_accept_encoding(string provider)
    {
        var client = api.Factory(provider).CreateDefaultClient();
        foreach (var format in new[] { "csv", "ndjson" })
        {
            var route = $"/v1/paragraphs?document=ccpr-c-kaz-co-3&format={format}";
            var plain = await client.GetStringAsync(route);
            var (bytes, text) = await CompressedAsync(client, route, "gzip");
            Assert.Equal(plain, text);
            Assert.True(bytes < plain.Length / 2, $"{format}: {bytes} bytes compressed of {plain.Length}");
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Dataset_files_are_never_encoded_on_the_fly_so_their_length_etag_and_ranges_hold(string provider)
    {
        var client = api.Factory(provider).CreateDefaultClient();
        var release = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        foreach (var file in new[] { "paragraphs.csv", "paragraphs.ndjson", "datapackage.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/releases/{release}/dataset/{file}");
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal((await response.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
        }
    }

    /// <summary>The body as sent with <paramref name="encoding"/> (its length) and decoded.</summary>
    private static async Task<(int Bytes, string Text)> CompressedAsync(HttpClient client, string route, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();
        await using Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return (body.Length, await reader.ReadToEndAsync());
    }

    [RedisFact]
    public async Task Instances_sharing_a_redis_output_cache_answer_each_others_reads_without_a_query()
    {
        // A prefix of this run's own, so entries of earlier runs (same release id, same day) are not found.
        var prefix = ("Caching:RedisPrefix", $"kzrights-test-{Guid.NewGuid():N}:");
        // Generous timeouts: on a loaded CI machine a Redis answer once took longer than the 5 s default, and a store
        // that does not answer is (rightly) skipped, which this test would read as "not shared".
        var redis = ("Caching:Redis", RedisFactAttribute.Configuration! + ",asyncTimeout=30000,syncTimeout=30000,connectTimeout=30000");
        var requestTimeout = ("Requests:TimeoutSeconds", "120");
        var counterA = new CommandCounter();
        var counterB = new CommandCounter();
        await using var a = api.Factory("sqlite").WithInterceptor(counterA, redis, prefix, requestTimeout);
        await using var b = api.Factory("sqlite").WithInterceptor(counterB, redis, prefix, requestTimeout);
        const string route = "/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=9";
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();
        await clientB.GetAsync("/health");
        var fromA = await clientA.GetStringAsync(route);
        Assert.True(counterA.Count > 0);
        counterB.Reset();
        Assert.Equal(fromA, await clientB.GetStringAsync(route));
        Assert.Equal(0, counterB.Count);
    }

    [Fact]
    public async Task An_instance_whose_redis_cannot_be_reached_starts_and_answers_every_read_from_the_database()
    {
        // Nothing listens on port 1; short timeouts keep the failed attempts (before the breaker opens) quick.
        var counter = new CommandCounter();
        var unreachable = ("Caching:Redis", "127.0.0.1:1,connectTimeout=200,asyncTimeout=200,syncTimeout=200");
        await using var host = api.Factory("sqlite").WithInterceptor(counter, unreachable);
        var client = host.CreateClient();
        const string route = "/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=4";
        var expected = await api.Client("sqlite").GetStringAsync(route);
        for (var i = 0; i < 3; i++)
        {
            counter.Reset();
            using var response = await client.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
            Assert.True(counter.Count > 0, "every read runs its query: nothing could be cached");
        }

        // Publishing a release evicts the cache; with the store unreachable that must not fail the publication.
        var store = host.Services.GetRequiredService<IOutputCacheStore>();
        Assert.IsType<FailSoftOutputCacheStore>(store);
        await store.EvictByTagAsync(ResponseCachingSetup.ReleaseTag, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_repeated_read_is_answered_from_the_output_cache_without_a_query(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter);
        var client = host.CreateClient();
        const string route = "/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=7";
        var first = await client.GetStringAsync(route);
        Assert.True(counter.Count > 0);
        counter.Reset();
        var second = await client.GetStringAsync(route);
        Assert.Equal(first, second);
        Assert.Equal(0, counter.Count);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_streamed_csv_of_every_row_is_not_stored_in_the_output_cache_but_a_csv_page_is(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter);
        var client = host.CreateClient();
        foreach (var (route, cached) in new[] { ("/v1/indicators?format=csv", false), ("/v1/indicators?format=csv&limit=20", true) })
        {
            var first = await client.GetStringAsync(route);
            counter.Reset();
            Assert.Equal(first, await client.GetStringAsync(route));
            Assert.Equal(cached, counter.Count == 0);
        }
    }
}

/// <summary>Answers larger than <c>Caching:MaxEntryKilobytes</c> are streamed and never buffered into the cache.</summary>
[Collection(ApiCollection.Name)]
public sealed class OutputCacheEntrySizeTests(ApiFixture api)
{
    [Fact]
    public async Task A_whole_table_download_larger_than_the_entry_limit_is_not_cached()
    {
        var counter = new CommandCounter();
        await using var host = api.Factory("sqlite").WithInterceptor(counter, ("Caching:MaxEntryKilobytes", "256"));
        var client = host.CreateClient();
        const string small = "/v1/paragraphs?format=csv&limit=5";
        const string large = "/v1/paragraphs?format=csv";
        Assert.True((await client.GetByteArrayAsync(large)).Length > 256 * 1024, "the table must exceed the 256 KB limit for this test to mean anything");
        await client.GetByteArrayAsync(small);
        counter.Reset();
        await client.GetByteArrayAsync(small);
        Assert.Equal(0, counter.Count);
        await client.GetByteArrayAsync(large);
        Assert.True(counter.Count > 0);
    }

    [Fact]
    public async Task A_request_keeps_the_release_it_first_knew_of_when_a_newer_one_is_published_meanwhile()
    {
        // The validators (HttpCachingMiddleware) and the output-cache key (ReleaseOutputCachePolicy) each ask for the known
        // release: a publish between the two once served one release's cached body under the other's ETag.
        await using var services = new ServiceCollection().BuildServiceProvider();
        var current = new CurrentRelease(services.GetRequiredService<IServiceScopeFactory>(), new ReleaseOptions(), TimeProvider.System);
        await current.OnPublishedAsync(ReleaseNamed("2026.12.01-aaaaaaaa"), CancellationToken.None);
        var request = new ReleaseContext(current, services);
        Assert.Equal("2026.12.01-aaaaaaaa", (await request.KnownAsync(CancellationToken.None))?.Id);

        await current.OnPublishedAsync(ReleaseNamed("2026.12.02-bbbbbbbb"), CancellationToken.None);
        Assert.Equal("2026.12.01-aaaaaaaa", (await request.KnownAsync(CancellationToken.None))?.Id);
        Assert.Equal("2026.12.02-bbbbbbbb", (await new ReleaseContext(current, services).KnownAsync(CancellationToken.None))?.Id);
    }

    private static ReleaseDto ReleaseNamed(string id) =>
        new(id, DateTimeOffset.UtcNow, null, "manifest", "parser", "content", new Dictionary<string, int>(), DataLicense.Current);
}

/// <summary>A test that needs a real redis-server; skipped when <c>KZRIGHTS_TEST_REDIS</c> (host:port) is unset.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "KZRIGHTS_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (Configuration is null)
        {
            Skip = $"set {Variable} to run against Redis";
        }
    }

    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
