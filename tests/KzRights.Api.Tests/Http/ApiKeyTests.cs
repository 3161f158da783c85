using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KzRights.Api.Operations;
using KzRights.Data;
using KzRights.Data.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KzRights.Api.Tests.Http;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_keys_command_prints_a_new_key_once_and_stores_only_its_hash(string provider)
    {
        var (id, key) = await CreateKeyAsync(provider, "ngo dashboard", ApiKeyScopes.Admin);
        Assert.StartsWith($"kzr_{id}_", key, StringComparison.Ordinal);

        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KzRightsDbContext>().Set<ApiKeyEntity>().AsNoTracking().SingleAsync(k => k.Id == id);
        Assert.Equal("ngo dashboard", stored.Name);
        Assert.Equal(ApiKeyScopes.Admin, stored.Scope);
        Assert.Equal(64, stored.SecretSha256.Length);
        Assert.DoesNotContain(key[^20..], stored.SecretSha256, StringComparison.Ordinal);

        var (code, listed, _) = await RunKeysAsync(provider, "list");
        Assert.Equal(0, code);
        var line = Assert.Single(listed.Split('\n'), l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("admin", line, StringComparison.Ordinal);
        Assert.EndsWith("ngo dashboard", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Re_ingesting_needs_an_admin_key_no_key_is_401_and_a_read_key_is_403(string provider)
    {
        var client = api.Client(provider);
        using var anonymous = await client.PostAsync("/v1/admin/ingest", null);
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());

        var (_, readKey) = await CreateKeyAsync(provider, "reader", ApiKeyScopes.Read);
        using var reader = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/ingest")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", readKey) },
        };
        await AssertProblemAsync(await client.SendAsync(reader), HttpStatusCode.Forbidden, "FORBIDDEN");

        var (_, adminKey) = await CreateKeyAsync(provider, "maintainer", ApiKeyScopes.Admin);
        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Post, "/v1/admin/ingest") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", adminKey) } },
            new HttpRequestMessage(HttpMethod.Post, "/v1/admin/ingest") { Headers = { { "X-Api-Key", adminKey } } },
        })
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var answer = JsonDocument.Parse(body).RootElement;
            Assert.False(answer.GetProperty("ingested").GetBoolean()); // the corpus is current: nothing reloaded, no release
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("release").ValueKind);
            request.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_revoked_or_unknown_key_is_refused_with_401_even_on_public_reads(string provider)
    {
        var client = api.Client(provider);
        var (id, key) = await CreateKeyAsync(provider, "soon revoked", ApiKeyScopes.Read);
        using (var served = await SendWithKeyAsync(client, "/v1/documents?limit=1", key))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        var (code, output, _) = await RunKeysAsync(provider, "revoke", id);
        Assert.Equal(0, code);
        Assert.Contains(id, output, StringComparison.Ordinal);
        await AssertProblemAsync(await SendWithKeyAsync(client, "/v1/documents?limit=1", key), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await AssertProblemAsync(
            await SendWithKeyAsync(client, "/v1/documents?limit=1", $"kzr_{id}_not-the-secret"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await AssertProblemAsync(await SendWithKeyAsync(client, "/v1/documents?limit=1", "not a key at all"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    public static TheoryData<string, string> EmptyKeys => new()
    {
        { "Authorization", "Bearer" },
        { "Authorization", "bearer   " },
        { "X-Api-Key", "" },
        { "X-Api-Key", "   " },
    };

    [Theory]
    [MemberData(nameof(EmptyKeys))]
    public async Task An_empty_key_or_a_bearer_without_a_token_is_a_401_like_a_malformed_key_not_an_anonymous_read(string header, string value)
    {
        // Sent as bytes to Kestrel: HttpClient drops a header whose value is empty, and Kestrel (unlike the in-memory
        // server) trims one that is only whitespace to an empty value.
        using var socket = new TcpClient();
        await socket.ConnectAsync(api.LiveAddress.Host, api.LiveAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /v1/documents?limit=1 HTTP/1.1\r\nHost: {api.LiveAddress.Authority}\r\n{header}: {value}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 401", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("WWW-Authenticate: Bearer error=\"invalid_token\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"UNAUTHORIZED\"", answer, StringComparison.Ordinal);
        Assert.Contains("The API key is empty", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authorization_header_of_another_scheme_is_not_read_as_a_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/documents?limit=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwdw==");
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_refused_for_its_key_is_logged_once_by_the_request_log_and_not_by_the_authentication_handler()
    {
        var logs = new CapturedLogs();
        await using var host = api.Factory("sqlite").WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = host.CreateClient();
        using (var refused = await SendWithKeyAsync(client, "/v1/documents?limit=1", "kzr_000000000000_not-a-key"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // The request line is written when the answer has been sent, which the client may see first.
        for (var waited = 0; waited < 50 && !logs.Lines.Any(l => l.Category == "KzRights.Api.Requests"); waited++)
        {
            await Task.Delay(100);
        }

        var request = Assert.Single(logs.Lines, l => l.Category == "KzRights.Api.Requests");
        Assert.Contains("/v1/documents 401", request.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Category.Contains("ApiKeyHandler", StringComparison.Ordinal));
    }

    /// <summary>Every log line the host writes, with its category.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)> _lines = new();

        public IReadOnlyCollection<(string Category, string Message)> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, formatter(state, exception)));
        }
    }

    [Theory]
    [InlineData("create")]
    [InlineData("create --name x --scope owner")]
    [InlineData("revoke 000000000000")]
    [InlineData("rotate")]
    public async Task The_keys_command_refuses_bad_input_with_a_message_and_a_non_zero_exit(string arguments)
    {
        var (code, _, error) = await RunKeysAsync("sqlite", arguments.Split(' '));
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Admin_routes_are_not_open_to_pages_on_other_origins()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/admin/ingest")
        {
            Headers = { { "Origin", "https://dashboard.example" }, { "Access-Control-Request-Method", "POST" } },
        };
        using var response = await api.Client("sqlite").SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<(string Id, string Key)> CreateKeyAsync(string provider, string name, string scope)
    {
        var (code, output, error) = await RunKeysAsync(provider, "create", "--name", name, "--scope", scope);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var id = lines[0].Split(' ')[2];
        return (id, lines[1]);
    }

    private async Task<(int Code, string Output, string Error)> RunKeysAsync(string provider, params string[] arguments)
    {
        _ = api.Client(provider); // starts the host (migrated, corpus ingested)
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ApiKeyCommand.RunAsync(api.Factory(provider).Services, arguments, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string url, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        return client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }
    }
}
