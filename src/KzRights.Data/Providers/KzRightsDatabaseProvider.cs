using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
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

    /// <summary>Registers the pooled factory of the provider's DbContext subclass, configured from
    /// <see cref="DatabaseOptions"/> when it is first used. Every provider registers its own; only the chosen one is
    /// ever resolved (through <see cref="CreateDbContext"/>).</summary>
    public abstract void AddDbContext(IServiceCollection services);

    /// <summary>A context of the provider's DbContext subclass from the pool <see cref="AddDbContext"/> registered.</summary>
    public abstract KzRightsDbContext CreateDbContext(IServiceProvider services);

    /// <summary>Why <paramref name="options"/> cannot work with this provider (a server provider without a connection
    /// string), or null.</summary>
    public virtual string? ConnectionProblem(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? $"Database:Provider is {Kind} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set"
            : null;

    /// <summary>A context that needs no server, for <c>dotnet ef</c> and the schema-drift tests.</summary>
    public abstract KzRightsDbContext CreateDesignTimeContext();

    /// <summary>The collation that makes string comparison of sort keys byte order (keyset cursors rely on it), or
    /// null when the provider's default already is.</summary>
    public abstract string? SortKeyCollation { get; }

    /// <summary>The clause that ends an ordered SELECT to keep its first <paramref name="count"/> rows (a number or a
    /// parameter placeholder), for the statements written without LINQ (<see cref="ReadModel.PreparedReads"/>).</summary>
    public abstract string FirstRowsClause(string count);

    /// <summary>Begins a request's read transaction on <paramref name="db"/> (<see cref="Releases.ReleaseContext.ReadInSnapshotAsync"/>):
    /// one in which every query sees the database as it was at the first, so an answer and the release it names come
    /// from one state of the data even while another instance publishes, and in which readers do not wait for each
    /// other. Disposing what it returns ends the transaction (a rollback: it only read) and releases the connection.</summary>
    public abstract Task<IAsyncDisposable> BeginReadSnapshotAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>Provider-only columns and indexes (full-text structures); called after the shared model is built.</summary>
    public abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>Takes a database-wide lock until the ingest transaction ends, so instances starting together ingest once.</summary>
    public abstract Task AcquireIngestLockAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>Brings provider-side search structures in step with the rows, inside the ingest transaction.</summary>
    public abstract Task RebuildFullTextIndexAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>Ranks the words found in at least <paramref name="minMatches"/> records ahead of the searches for them,
    /// inside the ingest transaction, after <see cref="RebuildFullTextIndexAsync"/>. Only PostgreSQL does (ranking a
    /// common word there reads every match's vector); SQLite's FTS5 ranks from its index.</summary>
    public virtual Task PrecomputeSearchRankingsAsync(KzRightsDbContext db, int minMatches, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Tells the query planner about the rows just written, inside the ingest transaction, before the steps that
    /// read them back (the read model, the dataset) and before they are served.</summary>
    public abstract Task RefreshPlannerStatisticsAsync(KzRightsDbContext db, CancellationToken ct);

    /// <summary>Leaves the database ready to serve after an ingest committed, outside its transaction: whatever the server
    /// would otherwise do in the background while the new release is being read. Only PostgreSQL has such work.</summary>
    public virtual Task MaintainAfterIngestAsync(KzRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The next <paramref name="take"/> matches of <paramref name="query"/> after <paramref name="after"/> in
    /// ranking order (score descending, higher is better; then target; then id in byte order).</summary>
    public abstract Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct);

    /// <summary>How many records match <paramref name="query"/>.</summary>
    public abstract Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct);

    /// <summary>The ids of every record that matches <paramref name="query"/>, unranked, as a query to compose into another
    /// (the paragraph list's q filter: <c>Id IN (…)</c>), so that the matches never leave the database.</summary>
    public abstract IQueryable<string> MatchingIds(KzRightsDbContext db, SearchQuery query);

    public static KzRightsDatabaseProvider For(DatabaseProvider kind) =>
        All.SingleOrDefault(p => p.Kind == kind)
        ?? throw new InvalidOperationException($"Database:Provider '{kind}' is not one of {string.Join(", ", All.Select(p => p.Kind))}");

    // Retries stay well inside a request's timeout (10 s by default).
    protected static readonly TimeSpan RetryDelayCap = TimeSpan.FromSeconds(1);
}

/// <summary>The registration every provider shares, for its DbContext subclass <typeparamref name="TContext"/>.</summary>
public abstract class KzRightsDatabaseProvider<TContext> : KzRightsDatabaseProvider
    where TContext : KzRightsDbContext
{
    public sealed override void AddDbContext(IServiceCollection services) =>
        services.AddPooledDbContextFactory<TContext>((sp, b) =>
        {
            Configure(b, sp.GetRequiredService<DatabaseOptions>());
            // A failed command is logged once, by whoever handles it (the API's exception handler, its 503 answer or the
            // start failure line); EF Core's own error events about the same exception would repeat it with a stack trace.
            b.ConfigureWarnings(w => w.Log(
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug)));
        });

    public sealed override KzRightsDbContext CreateDbContext(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();

    /// <summary>The provider's options: connection string (validated at start by <see cref="KzRightsDatabaseProvider.ConnectionProblem"/>),
    /// retries, read-only mode.</summary>
    protected abstract void Configure(DbContextOptionsBuilder builder, DatabaseOptions options);
}
