using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KzRights.Data.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KzRights.Api.Tests.Webhooks;

/// <summary>Managing subscriptions on the shared hosts, where private networks are not allowed (the default). The
/// receivers are under the reserved <c>.invalid</c> domain and the subscriptions are removed at the end.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookSubscriptionTests(ApiFixture api)
{
    private const string Receiver = "https://receiver.invalid/kzrights";

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_subscription_is_registered_with_its_secret_shown_once_listed_without_it_and_removed(string provider)
    {
        var client = api.Client(provider);
        var key = await WebhookDeliveryTests.CreateAdminKeyAsync(api.Factory(provider));
        using var created = await SendAsync(client, HttpMethod.Post, "/v1/webhooks", key,
            new { url = Receiver, events = new[] { "release.published", "changes" }, theme = "theme/torture", description = "ngo sync" });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var subscription = JsonDocument.Parse(body).RootElement;
        var id = subscription.GetProperty("id").GetString()!;
        Assert.Equal($"/v1/webhooks/{id}", created.Headers.Location?.OriginalString);
        var secret = subscription.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.Equal(["release.published", "changes"], subscription.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("theme/torture", subscription.GetProperty("filter").GetProperty("theme").GetString());

        using var one = await SendAsync(client, HttpMethod.Get, $"/v1/webhooks/{id}", key);
        var read = await one.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("no-store", one.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(secret, read, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(read).RootElement.TryGetProperty("secret", out _));
        using var list = await SendAsync(client, HttpMethod.Get, "/v1/webhooks?limit=500", key);
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains(JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        using var deliveries = await SendAsync(client, HttpMethod.Get, $"/v1/webhooks/{id}/deliveries", key);
        Assert.Equal(0, JsonDocument.Parse(await deliveries.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());

        using var deleted = await SendAsync(client, HttpMethod.Delete, $"/v1/webhooks/{id}", key);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/v1/webhooks/{id}"), (HttpMethod.Delete, $"/v1/webhooks/{id}"), (HttpMethod.Get, $"/v1/webhooks/{id}/deliveries"),
        })
        {
            using var gone = await SendAsync(client, method, path, key);
            await AssertProblemAsync(gone, HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    public static TheoryData<string, string, string> RefusedRegistrations => new()
    {
        { """{"url":"ftp://receiver.invalid/hook","events":["release.published"]}""", "url", "http or https" },
        { """{"url":"/relative/hook","events":["release.published"]}""", "url", "absolute" },
        { """{"url":"http://127.0.0.1:6000/hook","events":["release.published"]}""", "url", "AllowPrivateNetworks" },
        { """{"url":"http://10.1.2.3/hook","events":["release.published"]}""", "url", "AllowPrivateNetworks" },
        { """{"url":"http://[::1]/hook","events":["release.published"]}""", "url", "AllowPrivateNetworks" },
        { """{"url":"https://user:pw@receiver.invalid/hook","events":["release.published"]}""", "url", "credentials" },
        { """{"url":"https://receiver.invalid/hook","events":[]}""", "events", "required" },
        { """{"url":"https://receiver.invalid/hook","events":["release.deleted"]}""", "events", "release.published" },
        { """{"url":"https://receiver.invalid/hook","events":["release.published"],"document":"ccpr-c-kaz-co-3"}""", "events", "add it to events" },
        { """{"url":"https://receiver.invalid/hook","events":["changes"],"document":"no-such-document"}""", "document", "no-such-document" },
        { """{"url":"https://receiver.invalid/hook","events":["changes"],"theme":"theme/no-such-theme"}""", "theme", "no-such-theme" },
    };

    [Theory]
    [MemberData(nameof(RefusedRegistrations))]
    public async Task A_registration_with_a_bad_url_event_or_filter_is_a_400_naming_the_field(string json, string field, string message)
    {
        var client = api.Client("sqlite");
        var key = await WebhookDeliveryTests.CreateAdminKeyAsync(api.Factory("sqlite"));
        using var response = await SendAsync(client, HttpMethod.Post, "/v1/webhooks", key, content: new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal("The request body is not valid.", problem.GetProperty("title").GetString());
        Assert.Contains(message, string.Join(' ', problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString())),
            StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> UnreadableRegistrations => new()
    {
        { """{"url":"https://receiver.invalid/hook","events":["changes"],"documnet":"ccpr-c-kaz-co-3"}""", "INVALID_ARGUMENT", "documnet",
            "Unknown property 'documnet'. Allowed: description, document, events, theme, url." },
        { """{"url":5,"events":["changes"]}""", "INVALID_ARGUMENT", "url", "url must be a string." },
        { """{"url":"https://receiver.invalid/hook","events":"changes"}""", "INVALID_ARGUMENT", "events", "events must be an array of strings." },
        { "[]", "BAD_REQUEST", "$", "The request body must be a JSON object, not an array." },
        { "\"nope\"", "BAD_REQUEST", "$", "The request body must be a JSON object, not a string." },
        { "null", "BAD_REQUEST", "$", "The request body must be a JSON object, not null." },
        { """{"url":""", "BAD_REQUEST", "$", "The request body is not valid JSON (line 1, byte 8)." },
        { "", "BAD_REQUEST", "$", "The request body is empty: send a JSON object." },
    };

    [Theory]
    [MemberData(nameof(UnreadableRegistrations))]
    public async Task A_registration_body_that_cannot_be_read_is_a_400_naming_the_property_or_saying_what_the_body_must_be(
        string json, string code, string key, string message)
    {
        var client = api.Client("sqlite");
        var adminKey = await WebhookDeliveryTests.CreateAdminKeyAsync(api.Factory("sqlite"));
        using var response = await SendAsync(client, HttpMethod.Post, "/v1/webhooks", adminKey,
            content: new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal("The request body is not valid.", problem.GetProperty("title").GetString());
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_registration_that_is_not_json_is_a_415_problem_that_no_cache_keeps()
    {
        var client = api.Client("sqlite");
        var adminKey = await WebhookDeliveryTests.CreateAdminKeyAsync(api.Factory("sqlite"));
        using var response = await SendAsync(client, HttpMethod.Post, "/v1/webhooks", adminKey,
            content: new StringContent("url=https://example.org/hook", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_registration_body_that_cannot_be_read_logs_no_exception()
    {
        var logs = new CapturedLogs();
        // Every level of every category, Microsoft's included (the host holds those at Warning): minimal API binding logs the
        // JsonException of a body it cannot read at Debug.
        await using var host = api.Factory("sqlite").WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)
            .AddFilter<CapturedLogs>(null, LogLevel.Trace)));
        var key = await WebhookDeliveryTests.CreateAdminKeyAsync(api.Factory("sqlite"));
        foreach (var json in new[] { "[]", """{"url":""", """{"documnet":"x"}""" })
        {
            using var response = await SendAsync(host.CreateClient(), HttpMethod.Post, "/v1/webhooks", key,
                content: new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);
    }

    /// <summary>Every log entry the host writes, with its level and exception.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Category, Exception? Exception)> _entries = new();

        public IReadOnlyCollection<(LogLevel Level, string Category, Exception? Exception)> Entries => _entries.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(LogLevel, string, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, category, exception));
        }
    }

    [Fact]
    public async Task Subscriptions_need_an_admin_key_and_are_closed_to_other_origins()
    {
        var client = api.Client("sqlite");
        using var anonymous = await client.GetAsync("/v1/webhooks");
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await using (var scope = api.Factory("sqlite").Services.CreateAsyncScope())
        {
            var (_, readKey) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("reader", ApiKeyScopes.Read, CancellationToken.None);
            using var reader = await SendAsync(client, HttpMethod.Post, "/v1/webhooks", readKey,
                new { url = Receiver, events = new[] { "release.published" } });
            await AssertProblemAsync(reader, HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/webhooks")
        {
            Headers = { { "Origin", "https://dashboard.example" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var answer = await client.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string key, object? body = null,
        HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content ?? (body is null ? null : JsonContent.Create(body)) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
