using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>The values of <c>Database:Provider</c>; each names one <see cref="KzRightsDatabaseProvider"/>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Everything that differs between database providers, in one class per provider: how its DbContext is
/// registered, the model tweaks its migrations were made with (sort-key collation, search columns), the ingest lock,
/// full-text matching and index rebuild. The provider is chosen once, at start, from <c>Database:Provider</c>; every
/// member is abstract so a new provider cannot silently inherit another's behaviour.</summary>
public abstract class KzRightsDatabaseProvider
{
    /// <summary>Every provider the API can run on. Adding one: a file in this folder and an entry here.</summary>
    public static readonly IReadOnlyList<KzRightsDatabaseProvider> All = [new SqliteProvider(), new PostgresProvider(), new SqlServerProvider()];

    public abstract DatabaseProvider Kind { get; }

    /// <summary>Registers the provider's DbContext subclass (and <see cref="KzRightsDbContext"/> for it) with the
    /// connection string, which only SQLite may leave out.</summary>
    public abstract void AddDbContext(IServiceCollection services, string? connectionString, string dataDirectory);

    /// <summary>A context that needs no server, for <c>dotnet ef</c> and the schema-drift tests.</summary>
    public abstract KzRightsDbContext CreateDesignTimeContext();

    /// <summary>The collation that makes string comparison of sort keys byte order (keyset cursors rely on it), or
    /// null when the provider's default already is.</summary>
    public abstract string? SortKeyCollation { get; }

    /// <summary>Provider-only columns and indexes (full-text structures); called after the shared model is built.</summary>
    public abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>Takes a database-wide lock until the ingest transaction ends, so instances starting together ingest once.</summary>
    public abstract Task AcquireIngestLockAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>Brings provider-side search structures in step with the rows, inside the ingest transaction.</summary>
    public abstract Task RebuildFullTextIndexAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>The next <paramref name="take"/> matches of <paramref name="query"/> after <paramref name="after"/> in
    /// ranking order (score descending, higher is better; then target; then id in byte order).</summary>
    public abstract Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct);

    /// <summary>How many records match <paramref name="query"/>.</summary>
    public abstract Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct);

    /// <summary>The ids of every record that matches <paramref name="query"/>, unranked (the paragraph list's q filter).</summary>
    public abstract Task<List<string>> MatchingIdsAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct);

    public static KzRightsDatabaseProvider For(DatabaseProvider kind) =>
        All.SingleOrDefault(p => p.Kind == kind)
        ?? throw new InvalidOperationException($"Database:Provider '{kind}' is not one of {string.Join(", ", All.Select(p => p.Kind))}");

    protected static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : KzRightsDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<KzRightsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<KzRightsDbContext>>(sp => new UpcastContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    protected string Required(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {Kind} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set")
            : connectionString;

    private sealed class UpcastContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<KzRightsDbContext>
        where TContext : KzRightsDbContext
    {
        public KzRightsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
