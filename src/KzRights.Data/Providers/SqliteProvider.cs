using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>SQLite: the embedded default, for a single instance. Its default collation is already binary; full-text
/// search is an FTS5 table (porter stemmer) created by this context's migrations and filled by the ingest.</summary>
public sealed class SqliteProvider : KzRightsDatabaseProvider
{
    public const string FullTextTable = "search_fts";

    // The only value in this statement is the {0} parameter; table and column names are constants.
    private const string MatchSql =
        "SELECT kind AS Kind, id AS Id, bm25(" + FullTextTable + ") AS Rank FROM " + FullTextTable + " WHERE " + FullTextTable + " MATCH {0}";

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
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {FullTextTable} (kind, id, text) SELECT 'paragraph', \"Id\", \"SearchText\" FROM paragraphs;", ct);
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {FullTextTable} (kind, id, text) SELECT 'recommendation', \"Id\", \"SearchText\" FROM recommendations;", ct);
    }

    public override async Task<List<SearchMatch>> MatchAsync(KzRightsDbContext db, SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        // Every token becomes a quoted FTS5 string (embedded quotes cannot occur: tokens are letters and digits),
        // so user input is never interpreted as FTS syntax. Adjacent strings mean AND.
        var ftsQuery = string.Join(' ', terms.Tokens.Select(t => $"\"{t}\""));
        var rows = await db.Database.SqlQueryRaw<Row>(MatchSql, ftsQuery).ToListAsync(ct);
        return rows
            .Select(r => new SearchMatch(r.Kind == SearchTargets.RecommendationName ? SearchTarget.Recommendation : SearchTarget.Paragraph, r.Id, SearchMatch.Round(-r.Rank)))
            .Where(m => targets.Contains(m.Target))
            .ToList();
    }

    private sealed record Row(string Kind, string Id, double Rank);
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
