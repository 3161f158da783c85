using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>SQLite: the embedded default, for a single instance. Its default collation is already binary; full-text
/// search is an FTS5 table of Snowball stems (English and Russian, <see cref="SearchStemmer"/>), created by this
/// context's migrations and filled by the ingest.</summary>
public sealed class SqliteProvider : KzRightsDatabaseProvider<SqliteKzRightsDbContext>
{
    public const string FullTextTable = "search_fts";

    private const int IndexBatchSize = 2000;

    public override DatabaseProvider Kind => DatabaseProvider.Sqlite;

    public override string? SortKeyCollation => null;

    public override string FirstRowsClause(string count) => $"LIMIT {count}";

    /// <summary>Nothing: without <c>sqlite_stat1</c> SQLite's planner takes an indexed equality (or <c>IN</c> a list of ids) to
    /// select a few rows, which is what the read path's queries were tuned on; statistics could change those plans.</summary>
    public override Task RefreshPlannerStatisticsAsync(KzRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A deferred transaction: its first read takes a shared lock, held to its end, so it reads one state of the
    /// file while any number of readers do the same. EF Core's <c>BeginTransaction</c> would issue <c>BEGIN IMMEDIATE</c>
    /// (Microsoft.Data.Sqlite's default), a write lock that admits one transaction at a time: under the benchmark's 32
    /// connections it cut the uncached list of 50 paragraphs from 1,145 to 716 answers a second.</summary>
    public override async Task<IAsyncDisposable> BeginReadSnapshotAsync(KzRightsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new DeferredRead(db, transaction);
    }

    /// <summary>Ends a transaction EF Core uses but does not own: EF Core lets go of it, the rollback is ours, and so is
    /// the connection's close.</summary>
    private sealed class DeferredRead(KzRightsDbContext db, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db.Database.CurrentTransaction is { } used)
            {
                await used.DisposeAsync();
            }

            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    // No connection string: the default file under Database:DataDirectory.
    public override string? ConnectionProblem(DatabaseOptions options) => null;

    protected override void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            options.ConnectionString ?? DataServiceCollectionExtensions.DefaultSqliteConnectionString(options.DataDirectory));
        if (options.ReadOnly)
        {
            sqlite.Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
        }

        // Id lists (every entity, every search match) go as one JSON parameter: EF Core 10's default of one parameter per
        // value fails past SQLite's 32,766 variables on a large corpus ("too many SQL variables").
        builder
            .UseSqlite(sqlite.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(OpenedOnce.Interceptor);
    }

    public override KzRightsDbContext CreateDesignTimeContext() => new SqliteDesignTimeFactory().CreateDbContext([]);

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // The FTS5 table is created in a migration with raw SQL: EF Core cannot model virtual tables.
    }

    // None needed: SQLite's first write locks the whole file.
    public override Task AcquireIngestLockAsync(KzRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    public override async Task RebuildFullTextIndexAsync(KzRightsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {FullTextTable};", ct);
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = $"INSERT INTO {FullTextTable} (kind, id, text) VALUES ($kind, $id, $text)";
        var kind = insert.CreateParameter();
        var id = insert.CreateParameter();
        var text = insert.CreateParameter();
        (kind.ParameterName, id.ParameterName, text.ParameterName) = ("$kind", "$id", "$text");
        insert.Parameters.AddRange(new[] { kind, id, text });

        // Read in id order a batch at a time, so that a large corpus's texts are never all in memory at once.
        async Task IndexAsync(string recordKind, Func<string, Task<List<IndexRow>>> batchAfter)
        {
            kind.Value = recordKind;
            for (var batch = await batchAfter(string.Empty); batch.Count > 0; batch = await batchAfter(batch[^1].Id))
            {
                foreach (var row in batch)
                {
                    (id.Value, text.Value) = (row.Id, SearchStemmer.StemText(row.Text));
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
        }

        await IndexAsync(SearchTargets.ParagraphName, last => db.Paragraphs.Untracked().Where(p => string.Compare(p.Id, last) > 0)
            .OrderBy(p => p.Id).Take(IndexBatchSize).Select(p => new IndexRow(p.Id, p.SearchText)).ToListAsync(ct));
        await IndexAsync(SearchTargets.RecommendationName, last => db.Recommendations.Untracked().Where(r => string.Compare(r.Id, last) > 0)
            .OrderBy(r => r.Id).Take(IndexBatchSize).Select(r => new IndexRow(r.Id, r.SearchText)).ToListAsync(ct));
    }

    // The index is filled paragraphs first, then recommendations, each in id order (RebuildFullTextIndexAsync), so rowid
    // order is the ranking's tie order (target, then id): the ranking sorts on bm25 and rowid alone and reads kind and id
    // for the returned page only. Reading them for every match would cost more than ranking (measured: bench/README.md).
    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct)
    {
        var (where, parameters) = Where(query);
        string Next(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var keyset = string.Empty;
        if (after is not null)
        {
            var lookup
                = $"SELECT rowid AS \"Value\" FROM {FullTextTable} WHERE {where} AND kind = {Next(SearchTargets.Name(after.Target))} AND id = {Next(after.Id)}";
            var afterRow = (await db.Database.SqlQueryRaw<long>(lookup, [.. parameters]).ToListAsync(ct)).FirstOrDefault();
            var score = Next(after.Score);
            keyset = $" AND (s < {score} OR (s = {score} AND rowid > {Next(afterRow)}))";
        }

        var sql = $"SELECT f.kind AS \"Kind\", f.id AS \"Id\", t.s AS \"Score\" FROM (SELECT rowid AS r, round(-bm25({FullTextTable}), 6) AS s " +
            $"FROM {FullTextTable} WHERE {where}{keyset} ORDER BY s DESC, rowid LIMIT {Next(take)}) AS t " +
            $"JOIN {FullTextTable} AS f ON f.rowid = t.r ORDER BY t.s DESC, t.r";
        var rows = await db.Database.SqlQueryRaw<RankedRow>(sql, [.. parameters]).ToListAsync(ct);
        return rows.Select(
            r => new SearchMatch(r.Kind == SearchTargets.RecommendationName ? SearchTarget.Recommendation : SearchTarget.Paragraph, r.Id, r.Score)).ToList();
    }

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct)
    {
        var (where, parameters) = Where(query);
        var sql = $"SELECT count(*) AS \"Value\" FROM {FullTextTable} WHERE {where}";
        return (int)(await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(ct)).Single();
    }

    public override IQueryable<string> MatchingIds(KzRightsDbContext db, SearchQuery query)
    {
        var (where, parameters) = Where(query);
        var sql = $"SELECT id AS \"Value\" FROM {FullTextTable} WHERE {where}";
        return db.Database.SqlQueryRaw<string>(sql, [.. parameters]);
    }

    /// <summary>The index holds Snowball stems (<see cref="SearchStemmer"/>), so the query asks for the stems of each
    /// token's forms: <c>("woman" OR "women") AND ("right")</c>. Each stem is a quoted FTS5 string (stems are letters
    /// and digits only), so user input is never read as FTS syntax. Scores are bm25, negated so that higher is better.
    /// The kind and exclusion conditions read each match's stored columns, so they are added only when needed.</summary>
    private static (string Where, List<object> Parameters) Where(SearchQuery query)
    {
        var match = string.Join(" AND ", query.Terms.StemGroups.Select(g => "(" + string.Join(" OR ", g.Select(stem => $"\"{stem}\"")) + ")"));
        var where = $"{FullTextTable} MATCH {{0}}";
        var parameters = new List<object> { match };
        if (query.Targets.Count < Enum.GetValues<SearchTarget>().Length)
        {
            where += $" AND kind IN ({string.Join(", ", query.Targets.Select(t => $"'{SearchTargets.Name(t)}'"))})";
        }

        if (query.ExcludedIds.Count > 0)
        {
            where += " AND id NOT IN (SELECT value FROM json_each({1}))";
            parameters.Add(JsonSerializer.Serialize(query.ExcludedIds));
        }

        return (where, parameters);
    }

    private sealed record RankedRow(string Kind, string Id, double Score);

    private sealed record IndexRow(string Id, string Text);
}

public sealed class SqliteKzRightsDbContext(DbContextOptions<SqliteKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteKzRightsDbContext</c>; contacts no server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKzRightsDbContext>
{
    public SqliteKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKzRightsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
