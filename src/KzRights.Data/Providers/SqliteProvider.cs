using System.Text.Json;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>SQLite: the embedded default, for a single instance. Its default collation is already binary; full-text
/// search is an FTS5 table of Snowball stems (English and Russian, <see cref="SearchStemmer"/>), created by this
/// context's migrations and filled by the ingest.</summary>
public sealed class SqliteProvider : KzRightsDatabaseProvider
{
    public const string FullTextTable = "search_fts";

    private const int IndexBatchSize = 2000;

    public override DatabaseProvider Kind => DatabaseProvider.Sqlite;

    public override string? SortKeyCollation => null;

    public override void AddDbContext(IServiceCollection services, string? connectionString, string dataDirectory)
    {
        var sqlite = connectionString ?? DataServiceCollectionExtensions.DefaultSqliteConnectionString(dataDirectory);
        Register<SqliteKzRightsDbContext>(services, b => b.UseSqlite(sqlite));
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

        await IndexAsync(SearchTargets.ParagraphName, last => db.Paragraphs.AsNoTracking().Where(p => string.Compare(p.Id, last) > 0)
            .OrderBy(p => p.Id).Take(IndexBatchSize).Select(p => new IndexRow(p.Id, p.SearchText)).ToListAsync(ct));
        await IndexAsync(SearchTargets.RecommendationName, last => db.Recommendations.AsNoTracking().Where(r => string.Compare(r.Id, last) > 0)
            .OrderBy(r => r.Id).Take(IndexBatchSize).Select(r => new IndexRow(r.Id, r.SearchText)).ToListAsync(ct));
    }

    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        await Matches(query).PageAsync(db, after, take, ct);

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) =>
        await Matches(query).CountAsync(db, ct);

    public override async Task<List<string>> MatchingIdsAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) =>
        await Matches(query).IdsAsync(db, ct);

    /// <summary>The index holds Snowball stems (<see cref="SearchStemmer"/>), so the query asks for the stems of each
    /// token's forms: <c>("woman" OR "women") AND ("right")</c>. Each stem is a quoted FTS5 string (stems are letters
    /// and digits only), so user input is never read as FTS syntax. Scores are bm25, negated so that higher is better.</summary>
    private static RankingSql Matches(SearchQuery query)
    {
        var match = string.Join(" AND ", query.Terms.StemGroups.Select(g => "(" + string.Join(" OR ", g.Select(stem => $"\"{stem}\"")) + ")"));
        var kinds = string.Join(", ", query.Targets.Select(t => $"'{SearchTargets.Name(t)}'"));
        var sql =
            $"SELECT CASE kind WHEN '{SearchTargets.ParagraphName}' THEN {(int)SearchTarget.Paragraph} ELSE {(int)SearchTarget.Recommendation} END AS \"Target\", " +
            $"id AS \"Id\", round(-bm25({FullTextTable}), 6) AS \"Score\" FROM {FullTextTable} " +
            $"WHERE {FullTextTable} MATCH {{0}} AND kind IN ({kinds}) AND id NOT IN (SELECT value FROM json_each({{1}}))";
        return new RankingSql(sql, [match, JsonSerializer.Serialize(query.ExcludedIds)], idCollation: string.Empty);
    }

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
