using System.Net;
using System.Text;
using System.Text.Json;

namespace KzRights.Api.Tests;

/// <summary>Probes and behaviour while the database is away.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperationsTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Liveness_answers_ok_and_readiness_reports_the_database_holding_a_corpus(string provider)
    {
        var client = api.Client(provider);
        Assert.Equal("ok", (await client.GetJsonAsync("/health")).GetProperty("status").GetString());
        Assert.Equal("ok", (await client.GetJsonAsync("/health/live")).GetProperty("status").GetString());
        var ready = await client.GetJsonAsync("/health/ready");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        var check = Assert.Single(ready.GetProperty("checks").EnumerateArray());
        Assert.Equal("database", check.GetProperty("name").GetString());
        Assert.StartsWith("corpus ", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Metrics_expose_request_durations_by_route_corpus_and_release_age_cache_hits_and_graphql_cost_to_prometheus(string provider)
    {
        // A host of its own (same database): the shared one has served thousands of requests by now, and OpenTelemetry
        // stops recording new tag combinations past its cardinality limit (2,000 per metric).
        await using var host = GraphQL.DerivedHosts.WithInterceptor(api.Factory(provider), new GraphQL.CommandCounter());
        var client = host.CreateClient();
        // A query no other test sends: the first answer is computed (a miss), the second comes from the output cache.
        await client.GetJsonAsync("/v1/documents?limit=4");
        await client.GetJsonAsync("/v1/documents?limit=4");
        using (var graphql = await client.PostAsync(
            "/graphql",
            new StringContent("{\"query\":\"{ documents(first: 2) { nodes { id } } }\"}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        }

        using var metrics = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Matches("http_route=\"/v1/documents/?\"", text);
        Assert.Matches(@"(?m)^kzrights_corpus_age_seconds\{[^}]*\} \d", text);
        Assert.Matches(@"(?m)^kzrights_release_age_seconds\{[^}]*\} \d", text);
        Assert.Matches(@"(?m)^kzrights_output_cache_requests_total\{[^}]*result=""hit""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^kzrights_graphql_cost_count\{[^}]*\} [1-9]", text);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task While_postgres_is_unreachable_every_route_answers_503_problem_json_and_recovers_without_restart()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(ApiFixture.PostgresConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, server.Port));
        var throughProxy = new Npgsql.NpgsqlConnectionStringBuilder(ApiFixture.PostgresConnectionString)
        {
            Host = "127.0.0.1",
            Port = proxy.Port,
            Database = "kzrights_outage_" + Guid.NewGuid().ToString("N")[..12],
            Timeout = 3,
        }.ConnectionString;
        // Without the output cache: the answers read before the outage would otherwise still be served from it.
        await using var factory = new ApiFactory("postgres", throughProxy, new Dictionary<string, string?> { ["Caching:Enabled"] = "false" });
        var client = factory.CreateClient();
        await client.GetJsonAsync("/v1/documents");
        await client.GetJsonAsync("/health/ready");

        proxy.Stop();
        foreach (var url in new[] { "/v1/documents", "/v1/paragraphs/ccpr-c-kaz-co-3/20", "/v1/search?q=torture" })
        {
            using var response = await client.GetAsync(url);
            await AssertDatabaseUnavailableAsync(response);
        }

        using (var graphql = await client.PostAsync(
            "/graphql",
            new StringContent("""{"query":"{ documents(first: 2) { nodes { id } } }"}""", Encoding.UTF8, "application/json")))
        {
            await AssertDatabaseUnavailableAsync(graphql);
        }

        await client.GetJsonAsync("/health/ready", 503);
        await client.GetJsonAsync("/health/live");

        proxy.Start();
        for (var i = 0; i < 5; i++)
        {
            // The pooled connections died with the outage; none of them may surface as an error.
            await client.GetJsonAsync("/v1/documents");
            await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20");
        }

        await client.GetJsonAsync("/health/ready");
    }

    private static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("DATABASE_UNAVAILABLE", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Socket", body, StringComparison.OrdinalIgnoreCase);
    }
}
