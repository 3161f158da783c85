using System.Text;
using System.Text.Json;
using KzRights.Data.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>A GraphQL answer: status, media type and the parsed body.</summary>
public sealed record GraphQLResponse(int Status, string? MediaType, JsonElement Body, string Text)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasData => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("data", out _);

    public IReadOnlyList<JsonElement> Errors =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var e) ? e.EnumerateArray().ToList() : [];

    public IEnumerable<string?> ErrorCodes =>
        Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null);
}

public static class GraphQLClient
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static async Task<GraphQLResponse> PostGraphQLAsync(
        this HttpClient client,
        string query,
        object? variables = null,
        string? accept = GraphQLResponse,
        string? operationName = null)
    {
        var body = JsonSerializer.Serialize(
            new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables, ["operationName"] = operationName });
        return await client.SendGraphQLAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"), accept);
    }

    public static async Task<GraphQLResponse> SendGraphQLAsync(
        this HttpClient client,
        HttpMethod method,
        string url,
        HttpContent? content,
        string? accept = GraphQLResponse)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, text);
    }

    /// <summary>Data of a query that must succeed: 200, no errors.</summary>
    public static async Task<JsonElement> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        var response = await client.PostGraphQLAsync(query, variables);
        Assert.True(response.Status == 200 && response.Errors.Count == 0, $"expected data without errors, got {response.Status}: {response.Text}");
        return response.Data;
    }

    /// <summary>Follows pageInfo.endCursor through a connection at <paramref name="path"/> of the data; the query
    /// takes $first and $after.</summary>
    public static async Task<List<JsonElement>> WalkAsync(
        this HttpClient client,
        string query,
        string path,
        int first,
        Dictionary<string, object?>? variables = null)
    {
        var nodes = new List<JsonElement>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "paging does not end");
            var vars = new Dictionary<string, object?>(variables ?? []) { ["first"] = first, ["after"] = after };
            var connection = (await client.QueryAsync(query, vars)).GetProperty(path);
            var edges = connection.GetProperty("edges").EnumerateArray().ToList();
            Assert.True(edges.Count <= first);
            nodes.AddRange(edges.Select(e => e.GetProperty("node")));
            var pageInfo = connection.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                return nodes;
            }

            Assert.Equal(first, edges.Count);
            after = pageInfo.GetProperty("endCursor").GetString();
            Assert.Equal(edges[^1].GetProperty("cursor").GetString(), after);
        }
    }

    public static IEnumerable<string?> Ids(this IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetString());

    /// <summary>Structural JSON equality (property order and string escaping do not matter).</summary>
    public static void AssertJsonEqual(JsonElement expected, JsonElement actual, string path = "$")
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} expected, {actual.ValueKind} found");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var e = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var a = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                Assert.True(
                    e.Keys.Order().SequenceEqual(a.Keys.Order()),
                    $"{path}: properties {string.Join(",", e.Keys.Order())} expected, {string.Join(",", a.Keys.Order())} found");
                foreach (var (name, value) in e)
                {
                    AssertJsonEqual(value, a[name], $"{path}.{name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(
                    expected.GetArrayLength() == actual.GetArrayLength(),
                    $"{path}: {expected.GetArrayLength()} items expected, {actual.GetArrayLength()} found");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertJsonEqual(expected[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: '{expected.GetString()}' expected, '{actual.GetString()}' found");
                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDouble() == actual.GetDouble(), $"{path}: {expected} expected, {actual} found");
                break;
        }
    }
}

/// <summary>Counts (and optionally slows) the SQL commands of one test host. Registered only in hosts derived for a
/// test, so the API itself carries no such hook.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

    /// <summary>Added to every command from now on (set after the host started, so startup stays fast).</summary>
    public TimeSpan Delay { get; set; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every counted reader command since the last <see cref="Reset"/>.</summary>
    public IReadOnlyCollection<string> Texts => _texts.ToArray();

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command,
        CommandEventData eventData,
        InterceptionResult<System.Data.Common.DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        // The latest release is read once per instance and refreshed on a timer, whenever a request happens to come:
        // it is not part of the work a query does.
        if (command.CommandText.Contains("releases", StringComparison.Ordinal))
        {
            return result;
        }

        _texts.Enqueue(command.CommandText);
        await CountAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await CountAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CountAsync(cancellationToken);
        return result;
    }

    private Task CountAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _count);
        return Delay > TimeSpan.Zero ? Task.Delay(Delay, ct) : Task.CompletedTask;
    }
}

public static class DerivedHosts
{
    /// <summary>A host over the same database as <paramref name="factory"/> with an interceptor on its DbContexts
    /// and extra settings.</summary>
    public static WebApplicationFactory<Program> WithInterceptor(
        this ApiFactory factory,
        IInterceptor interceptor,
        params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(b =>
        {
            // Background work must stay out of what these hosts count: the release is looked up again every
            // Releases:RefreshSeconds (a counted host is the only instance on its database, so it never needs to), and the
            // webhook dispatcher polls on its own connections.
            b.UseSetting("Releases:RefreshSeconds", "86400");
            b.UseSetting("Webhooks:PollIntervalSeconds", "3600");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(services =>
            {
                if (factory.Provider == "postgres")
                {
                    services.ConfigureDbContext<PostgresKzRightsDbContext>(o => o.AddInterceptors(interceptor));
                }
                else
                {
                    services.ConfigureDbContext<SqliteKzRightsDbContext>(o => o.AddInterceptors(interceptor));
                }
            });
        });
}
