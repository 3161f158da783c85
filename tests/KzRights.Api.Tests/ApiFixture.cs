using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KzRights.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>Hosts the API once per provider for the whole test run: SQLite always, PostgreSQL when
/// <c>KZRIGHTS_TEST_POSTGRES</c> holds a connection string (CI sets it; the database is created and dropped here).</summary>
/// <remarks>xunit 2 disposes a fixture through <see cref="IAsyncLifetime"/> or <see cref="IDisposable"/> only: as an
/// <see cref="IAsyncDisposable"/> it was never disposed, and every run left its PostgreSQL database and its SQLite and
/// dataset folders behind (34 MB each).</remarks>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string PostgresVariable = "KZRIGHTS_TEST_POSTGRES";

    private readonly ConcurrentDictionary<string, Lazy<ApiFactory>> _factories = new(StringComparer.Ordinal);

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresConnectionString is not null)
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    public ApiFactory Factory(string provider) => _factories.GetOrAdd(provider, p => new Lazy<ApiFactory>(() => new ApiFactory(p))).Value;

    public HttpClient Client(string provider) => Factory(provider).CreateClient();

    /// <summary>The API on SQLite behind a real Kestrel listener on a free loopback port, for what the in-memory test
    /// server does not model: the request line as sent, connection handling, browsers.</summary>
    public ApiFactory Live => _factories.GetOrAdd("live", _ => new Lazy<ApiFactory>(() =>
    {
        var factory = new ApiFactory("sqlite");
        factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    })).Value;

    /// <summary>Base address of <see cref="Live"/>, e.g. http://127.0.0.1:41234.</summary>
    public Uri LiveAddress => new(Live.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var factory in _factories.Values.Where(f => f.IsValueCreated).Select(f => f.Value))
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>The API over a fresh database of one provider, with the repository's corpus ingested on start.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;

    private readonly bool _ownsDatabase;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="provider"><c>sqlite</c> or <c>postgres</c>.</param>
    /// <param name="connectionString">Another way to the database (the outage tests go through a proxy).</param>
    /// <param name="settings">Further configuration.</param>
    /// <param name="configure">Further host set-up (e.g. a startup filter standing in for the network).</param>
    /// <param name="sameDatabaseAs">Another factory whose database (and data folder) this one uses: a restart of the API.</param>
    /// <param name="ownsDatabase">Whether disposing drops the database and deletes the data folder (false for a host that
    /// another one replaces).</param>
    public ApiFactory(string provider, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IWebHostBuilder>? configure = null, ApiFactory? sameDatabaseAs = null, bool ownsDatabase = true)
    {
        _configure = configure;
        _ownsDatabase = ownsDatabase;
        _dataDirectory = sameDatabaseAs?._dataDirectory ?? Path.Combine(Path.GetTempPath(), "kzrights-tests-" + Guid.NewGuid().ToString("N")[..12]);
        connectionString ??= sameDatabaseAs?.ConnectionString;
        Provider = provider;
        ConnectionString = connectionString ?? (provider == "postgres"
            ? new Npgsql.NpgsqlConnectionStringBuilder(ApiFixture.PostgresConnectionString) { Database = "kzrights_test_" + Guid.NewGuid().ToString("N")[..12] }
                .ConnectionString
            : DataServiceCollectionExtensions.DefaultSqliteConnectionString(_dataDirectory));
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider == "postgres" ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:KzRights", ConnectionString);
        // The suite sends tens of thousands of requests from one (in-memory) client; RateLimitTests turn it on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Datasets:Directory", Path.Combine(_dataDirectory, "datasets"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        _configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_ownsDatabase)
        {
            await base.DisposeAsync();
            return;
        }

        if (Provider == "postgres")
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KzRightsDbContext>().Database.EnsureDeletedAsync();
        }

        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

public static class HttpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Follows nextCursor until the end and returns every item, checking the envelope on each page.</summary>
    public static async Task<List<JsonElement>> GetAllPagesAsync(this HttpClient client, string url, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var pages = 0;
        do
        {
            var page = await client.GetJsonAsync(
                $"{url}{separator}limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            Assert.True(cursor is null || pageItems.Count == limit, "a page before the last one must be full");
            Assert.True(++pages < 10_000, "paging does not end");
        }
        while (cursor is not null);
        return items;
    }
}

/// <summary>A test that needs a real PostgreSQL server; reported as skipped when <c>KZRIGHTS_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ApiFixture.PostgresConnectionString is null)
        {
            Skip = $"set {ApiFixture.PostgresVariable} to run against PostgreSQL";
        }
    }
}
