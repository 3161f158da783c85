using System.Globalization;
using KzRights.Data.Entities;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>PostgreSQL: sort keys use the "C" collation so ordering is byte order whatever the server locale;
/// paragraphs and recommendations have their tsvector (English or Russian configuration by language) in
/// <see cref="SearchTable"/> behind a GIN index; the ingest takes a transaction-scoped advisory lock.</summary>
public sealed class PostgresProvider : KzRightsDatabaseProvider<PostgresKzRightsDbContext>
{
    /// <summary>One row per searchable record: its target (<see cref="SearchTarget"/>), id and tsvector, behind a GIN
    /// index; filled by <see cref="RebuildFullTextIndexAsync"/>.</summary>
    public const string SearchTable = "search_vectors";

    // Paragraphs are stemmed in their own language; recommendations are all English.
    private const string ParagraphVector =
        "CASE WHEN \"Language\" = 'ru' THEN to_tsvector('russian'::regconfig, \"SearchText\") ELSE to_tsvector('english'::regconfig, \"SearchText\") END";

    private const string RecommendationVector = "to_tsvector('english'::regconfig, \"SearchText\")";

    private const int IndexBatchSize = 5000;

    // An arbitrary application-wide key; any value works as long as every instance uses the same one.
    private const long IngestLockKey = 0x4B5A_5249_4748;

    public override DatabaseProvider Kind => DatabaseProvider.Postgres;

    public override string? SortKeyCollation => "C";

    // A snapshot taken at the transaction's first statement; readers never wait for the ingest and it never waits for them.
    public override async Task<IAsyncDisposable> BeginReadSnapshotAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

    // 57P01 (terminating connection due to administrator command) is what a pooled connection reports after the
    // server restarted: retried on a fresh connection instead of answering 500.
    protected override void Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseNpgsql(options.ConnectionString,
            o => o.EnableRetryOnFailure(options.MaxRetryCount, RetryDelayCap, ["57P01", "57P02"])
                // One array parameter per id list, whatever its length (see SqliteProvider).
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public override KzRightsDbContext CreateDesignTimeContext() => new PostgresDesignTimeFactory().CreateDbContext([]);

    public override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PostgresSearchVector>(e =>
        {
            e.ToTable(SearchTable);
            e.HasKey(x => new { x.Target, x.Id });
            e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
            e.HasIndex(x => x.Vector).HasMethod("GIN");
        });

    public override async Task AcquireIngestLockAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IngestLockKey})", ct);

    /// <summary>Fills <see cref="SearchTable"/> from the rows just written, a batch of records at a time (one statement
    /// per batch stays inside the command timeout at any corpus size), then merges the GIN index's pending list (up to
    /// 4 MB of entries every search would scan linearly until autovacuum runs) and gathers the table's statistics, so
    /// the first searches after the commit are planned on the new rows.</summary>
    public override async Task RebuildFullTextIndexAsync(KzRightsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {SearchTable}", ct);
        foreach (var (target, table, vector) in new[]
        {
            (SearchTarget.Paragraph, "paragraphs", ParagraphVector),
            (SearchTarget.Recommendation, "recommendations", RecommendationVector),
        })
        {
            // The last id of each batch is read back by the server (max), so the batches follow its collation.
            var sql = $"WITH batch AS (INSERT INTO {SearchTable} (\"Target\", \"Id\", \"Vector\") " +
                $"SELECT {(int)target}, \"Id\", {vector} FROM {table} WHERE \"Id\" > {{0}} ORDER BY \"Id\" LIMIT {IndexBatchSize} RETURNING \"Id\") " +
                "SELECT max(\"Id\") AS \"Value\" FROM batch";
            for (string? last = string.Empty; last is not null;)
            {
                last = (await db.Database.SqlQueryRaw<string?>(sql, last).ToListAsync(ct)).Single();
            }
        }

        // Only the index's owner may merge its pending list; a role that may only write the rows leaves it to autovacuum.
        await db.Database.ExecuteSqlRawAsync(
            $"DO $$ BEGIN PERFORM gin_clean_pending_list('\"IX_{SearchTable}_Vector\"'::regclass); " +
            "EXCEPTION WHEN insufficient_privilege THEN NULL; END $$",
            ct);
        await db.Database.ExecuteSqlRawAsync($"ANALYZE {SearchTable}", ct);
    }

    /// <summary>Without statistics (a new database, or rows written in the ingest's own transaction, which autovacuum
    /// cannot see) the planner misjudges <c>x = ANY(@ids)</c> with a page of 500 ids: for theme tags it used the primary key
    /// for the target type alone and filtered every row of that type by the ids (reproduced on 1,000,000 rows written and
    /// read in one transaction; with ANALYZE, an index scan on both columns). At 1,000,000 paragraphs each page of the read
    /// model spent seconds so, a cost that grows with the square of the corpus. ANALYZE in a transaction samples the rows
    /// that transaction wrote, and its statistics are committed with the release.</summary>
    /// <remarks>Only the model's own tables: a bare ANALYZE also takes the shared catalogs (pg_authid, pg_database), whose
    /// locks it keeps to the end of the ingest's transaction, and the ingest of another database on the same server waited
    /// for them.</remarks>
    public override async Task RefreshPlannerStatisticsAsync(KzRightsDbContext db, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        // Identifiers from the model, quoted by the provider: nothing here comes from outside.
        var analyze = "ANALYZE " + string.Join(", ", tables);
        await db.Database.ExecuteSqlRawAsync(analyze, ct);
    }

    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        await Matches(query).PageAsync(db, after, take, ct);

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) =>
        await Matches(query).CountAsync(db, ct);

    /// <summary>The matching ids are gathered into an array (computed once by the server) rather than offered as a
    /// subquery: the planner cannot tell from a tsquery how many records it matches (it guessed 1,038 for a word in 97
    /// paragraphs), so for a page ordered by sort key it walked the paragraphs in order probing each for a match until
    /// the page was full, every paragraph for a rare word (3.2 s at 100,000 paragraphs). From an array it looks each
    /// match up by primary key.</summary>
    public override IQueryable<string> MatchingIds(KzRightsDbContext db, SearchQuery query)
    {
        var (match, parameters) = MatchStatement(query);
        var sql = $"SELECT unnest(ARRAY(SELECT m.\"Id\" FROM ({match}) AS m)) AS \"Value\"";
        return db.Database.SqlQueryRaw<string>(sql, [.. parameters]);
    }

    /// <summary>Each token must match in one of its forms (<see cref="SearchTerms.Forms"/>), stemmed by the english or
    /// the russian configuration: <c>(english(women) | russian(women) | english(woman) | russian(woman)) &amp; …</c>.
    /// plainto_tsquery takes free text as a parameter and never raises a syntax error. Scores are ts_rank, rounded in
    /// float8 arithmetic: rounding through numeric cost more than the ranking itself on a common word (bench/README.md).
    /// The vectors live in a narrow table of their own: ranking reads every match's vector, and read from the wide
    /// paragraph rows (often TOASTed) that took three times as long, and the planner preferred a parallel scan of
    /// every paragraph to the GIN index.</summary>
    private static (string Sql, List<object> Parameters) MatchStatement(SearchQuery query)
    {
        var parameters = new List<object>();
        string Parameter(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var tsquery = string.Join(" && ", query.Terms.Tokens.Select(token => "(" + string.Join(" || ", SearchTerms.Forms(token).Select(form =>
        {
            var p = Parameter(form);
            return $"plainto_tsquery('english', {p}) || plainto_tsquery('russian', {p})";
        })) + ")"));
        var targets = Parameter(query.Targets.Select(t => (int)t).ToArray());
        var excluded = Parameter(query.ExcludedIds.ToArray());
        var sql = $"SELECT s.\"Target\", s.\"Id\", round(ts_rank(s.\"Vector\", q)::float8 * 1000000) / 1000000 AS \"Score\" " +
            $"FROM {SearchTable} AS s, (SELECT {tsquery} AS q) AS query " +
            $"WHERE s.\"Vector\" @@ q AND s.\"Target\" = ANY({targets}) AND NOT (s.\"Id\" = ANY({excluded}))";
        return (sql, parameters);
    }

    private static RankingSql Matches(SearchQuery query)
    {
        var (sql, parameters) = MatchStatement(query);
        return new RankingSql(sql, parameters, idCollation: " COLLATE \"C\"");
    }
}

/// <summary>One record's tsvector in <see cref="PostgresProvider.SearchTable"/> (PostgreSQL only).</summary>
public sealed class PostgresSearchVector
{
    public int Target { get; set; }
    public required string Id { get; set; }
    public required NpgsqlTypes.NpgsqlTsVector Vector { get; set; }
}

public sealed class PostgresKzRightsDbContext(DbContextOptions<PostgresKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresKzRightsDbContext</c>; contacts no server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKzRightsDbContext>
{
    public PostgresKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKzRightsDbContext>().UseNpgsql("Host=localhost;Database=kzrights").Options);
}
