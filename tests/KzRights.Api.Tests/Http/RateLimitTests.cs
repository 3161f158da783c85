using System.Net;
using System.Text;
using System.Text.Json;
using KzRights.Api.GraphQL;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Http;

/// <summary>The API with small budgets behind a trusted proxy. The in-memory server has no network, so a startup filter
/// stands in for it: <c>X-Test-Peer</c> is the address the connection comes from. Each test is its own client (its own
/// <c>X-Forwarded-For</c> address), so the tests do not share budgets.</summary>
public sealed class LimitedApiFixture : IAsyncLifetime
{
    public const string Proxy = "10.0.0.1";
    public const int Requests = 3;
    public const int KeyedRequests = 30;
    public const int GraphQLCost = 100;
    public const int WindowSeconds = 3600;
    public const int MaxResponseBytes = 8_000;

    private readonly Lazy<ApiFactory> _factory = new(() => new ApiFactory("sqlite", settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:RequestsPerWindow"] = Requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:KeyedRequestsPerWindow"] = KeyedRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:GraphQLCostPerWindow"] = GraphQLCost.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ForwardedHeaders:TrustedProxies:0"] = Proxy,
        ["GraphQL:MaxResponseBytes"] = MaxResponseBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GraphQL:MaxConcurrentExecutions"] = "1",
        ["GraphQL:ExecutionQueueLength"] = "0",
    }, configure: b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddressFilter>())));

    public ApiFactory Factory => _factory.Value;

    /// <summary>A client at <paramref name="address"/>, reaching the API through the trusted proxy (or, with
    /// <paramref name="peer"/>, from that address directly).</summary>
    public HttpClient Client(string address, string peer = Proxy)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes a fixture through IAsyncLifetime, never as an IAsyncDisposable.
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_factory.IsValueCreated)
        {
            await _factory.Value.DisposeAsync();
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers["X-Test-Peer"].ToString(), out var peer))
                {
                    http.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTests(LimitedApiFixture api) : IClassFixture<LimitedApiFixture>
{
    [Fact]
    public async Task A_client_over_its_request_budget_gets_a_429_problem_with_retry_after_and_rate_limit_headers()
    {
        using var client = api.Client("203.0.113.1");
        for (var left = LimitedApiFixture.Requests - 1; left >= 0; left--)
        {
            using var ok = await client.GetAsync("/v1/documents?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal($"\"requests\";q={LimitedApiFixture.Requests};w={LimitedApiFixture.WindowSeconds}", Header(ok, "RateLimit-Policy"));
            Assert.StartsWith($"\"requests\";r={left};t=", Header(ok, "RateLimit"), StringComparison.Ordinal);
        }

        using var refused = await client.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("TOO_MANY_REQUESTS", problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 1, LimitedApiFixture.WindowSeconds);
        Assert.StartsWith("\"requests\";r=0;t=", Header(refused, "RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_cors_headers_so_the_page_that_caused_it_can_read_retry_after()
    {
        using var client = api.Client("203.0.113.2");
        client.DefaultRequestHeaders.Add("Origin", "https://dashboard.example");
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= LimitedApiFixture.Requests && refused is null; i++)
        {
            var response = await client.GetAsync("/v1/themes?limit=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("*", Header(refused, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(refused, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        refused.Dispose();
    }

    [Fact]
    public async Task Health_probes_and_cors_preflights_are_answered_whatever_the_budget()
    {
        using var client = api.Client("203.0.113.3");
        for (var i = 0; i <= LimitedApiFixture.Requests; i++)
        {
            using var _ = await client.GetAsync("/v1/documents?limit=1");
        }

        using var exhausted = await client.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, exhausted.StatusCode);
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.False(live.Headers.Contains("RateLimit"));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/documents");
        preflight.Headers.Add("Origin", "https://dashboard.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var preflightAnswer = await client.SendAsync(preflight);
        Assert.True(preflightAnswer.IsSuccessStatusCode, $"preflight answered {(int)preflightAnswer.StatusCode}");
    }

    [Fact]
    public async Task A_client_with_an_api_key_has_the_larger_keyed_budget_of_its_own()
    {
        using var client = api.Client("203.0.113.8");
        for (var i = 0; i < LimitedApiFixture.Requests; i++)
        {
            using var _ = await client.GetAsync("/v1/documents?limit=1");
        }

        using var anonymous = await client.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);

        await using var scope = api.Factory.Services.CreateAsyncScope();
        var (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("partner", ApiKeyScopes.Read, CancellationToken.None);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var keyed = await client.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal($"\"requests\";q={LimitedApiFixture.KeyedRequests};w={LimitedApiFixture.WindowSeconds}", Header(keyed, "RateLimit-Policy"));
        Assert.StartsWith($"\"requests\";r={LimitedApiFixture.KeyedRequests - 1};", Header(keyed, "RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_behind_the_trusted_proxy_have_budgets_of_their_own()
    {
        using var first = api.Client("198.51.100.10");
        using var second = api.Client("198.51.100.11");
        for (var i = 0; i < LimitedApiFixture.Requests; i++)
        {
            using var _ = await first.GetAsync("/v1/documents?limit=1");
        }

        using var firstRefused = await first.GetAsync("/v1/documents?limit=1");
        using var secondServed = await second.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, firstRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondServed.StatusCode);
    }

    [Fact]
    public async Task X_forwarded_for_from_an_untrusted_peer_does_not_give_a_client_a_new_budget()
    {
        const string Peer = "192.0.2.50";
        for (var i = 0; i < LimitedApiFixture.Requests; i++)
        {
            using var client = api.Client($"198.51.100.{20 + i}", peer: Peer);
            using var ok = await client.GetAsync("/v1/documents?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var disguised = api.Client("198.51.100.99", peer: Peer);
        using var refused = await disguised.GetAsync("/v1/documents?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task GraphQL_queries_spend_their_cost_from_the_callers_cost_budget_and_are_refused_with_429_when_it_is_spent()
    {
        using var client = api.Client("203.0.113.4");
        const string Query = "{ themes(first: 50) { nodes { id } } }";
        var served = await client.PostGraphQLAsync(Query);
        Assert.Equal(200, served.Status);
        var cost = (int)served.Body.GetProperty("extensions").GetProperty("cost").GetProperty("complexity").GetDouble();
        Assert.InRange(cost, LimitedApiFixture.GraphQLCost / 2 + 1, LimitedApiFixture.GraphQLCost);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), Encoding.UTF8, "application/json"),
        };
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("TOO_MANY_REQUESTS", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.True(int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal($"\"graphql-cost\";q={LimitedApiFixture.GraphQLCost};w={LimitedApiFixture.WindowSeconds}", Header(refused, "RateLimit-Policy"));
        Assert.StartsWith($"\"graphql-cost\";r={LimitedApiFixture.GraphQLCost - cost};", Header(refused, "RateLimit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQL_answers_report_both_the_request_and_the_cost_budget()
    {
        using var client = api.Client("203.0.113.5");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ documents(first: 2) { nodes { id } } }\"}", Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cost = (int)JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("extensions").GetProperty("cost").GetProperty("complexity").GetDouble();
        var remaining = Header(response, "RateLimit");
        Assert.StartsWith($"\"requests\";r={LimitedApiFixture.Requests - 1};", remaining, StringComparison.Ordinal);
        Assert.Contains($"\"graphql-cost\";r={LimitedApiFixture.GraphQLCost - cost};", remaining, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graphql_answer_larger_than_the_response_limit_is_replaced_by_a_response_too_large_error()
    {
        using var client = api.Client("203.0.113.6");
        var response = await client.PostGraphQLAsync("{ paragraphs(first: 40) { nodes { id text } } }");
        Assert.Equal(400, response.Status);
        Assert.False(response.HasData);
        Assert.Equal(["RESPONSE_TOO_LARGE"], response.ErrorCodes);
        Assert.True(Encoding.UTF8.GetByteCount(response.Text) < LimitedApiFixture.MaxResponseBytes);
    }

    [Fact]
    public async Task When_every_graphql_execution_slot_is_taken_a_request_gets_503_with_retry_after()
    {
        using var client = api.Client("203.0.113.7");
        var slots = api.Factory.Services.GetRequiredService<GraphQLExecutionSlots>();
        using (var taken = slots.Limiter.AttemptAcquire())
        {
            Assert.True(taken.IsAcquired);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
            };
            using var busy = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("1", Header(busy, "Retry-After"));
            Assert.Equal("SERVICE_UNAVAILABLE", JsonDocument.Parse(await busy.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }

        var served = await client.PostGraphQLAsync("{ __typename }");
        Assert.Equal(200, served.Status);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header; status {(int)response.StatusCode}");
}
