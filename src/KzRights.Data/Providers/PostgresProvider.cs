using System.Globalization;
using KzRights.Data.Entities;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
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

    /// <summary>The first matches of each frequent word or phrase in ranking order (<see cref="PrecomputeSearchRankingsAsync(KzRightsDbContext,
    /// int, CancellationToken)"/>), one row per match: key, target, position, id, score.</summary>
    public const string RankedMatchesTable = "search_ranked_matches";

    /// <summary>Per frequent word or phrase and target: how many records match, how many of them <see cref="RankedMatchesTable"/>
    /// holds, and the last one it holds.</summary>
    public const string RankedTermsTable = "search_ranked_terms";

    /// <summary>Matches kept per frequent word or phrase and target: two pages of the largest limit (500), or 50 of the default.</summary>
    public const int RankedDepth = 1000;

    /// <summary>Records sampled to find frequent pairs of nearby words: a pair in 5,000 of 1,382,868 records is seen about
    /// 72 times in 20,000.</summary>
    private const int PairSampleRecords = 20_000;

    /// <summary>At most this many pairs are ranked ahead (984 reach 5,000 records at 1,000,000 paragraphs).</summary>
    private const int MaxRankedPairs = 2_000;

    /// <summary>How far apart two words of a pair may be. Positions count stop words, so the phrases people search for are
    /// often 2 or 3 apart: "freedom of expression", "violence against women", "rights of the child", "persons with
    /// disabilities". Adjacent words alone found 318 pairs at 1,000,000 paragraphs, and not the first three of these.</summary>
    private const int PairMaxDistance = 3;

    private const int IndexBatchSize = 5000;

    private const string IdCollation = " COLLATE \"C\"";

    private static readonly SearchTarget[] AllTargets = [SearchTarget.Paragraph, SearchTarget.Recommendation];

    // An arbitrary application-wide key; any value works as long as every instance uses the same one.
    private const long IngestLockKey = 0x4B5A_5249_4748;

    public override DatabaseProvider Kind => DatabaseProvider.Postgres;

    public override string? SortKeyCollation => "C";

    public override string FirstRowsClause(string count) => $"LIMIT {count}";

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

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PostgresSearchVector>(e =>
        {
            e.ToTable(SearchTable);
            e.HasKey(x => new { x.Target, x.Id });
            e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength);
            e.HasIndex(x => x.Vector).HasMethod("GIN");
        });
        modelBuilder.Entity<PostgresRankedSearchTerm>(e =>
        {
            e.ToTable(RankedTermsTable);
            e.HasKey(x => new { x.Key, x.Target });
            e.Property(x => x.LastId).HasMaxLength(ModelLimits.IdLength);
        });
        modelBuilder.Entity<PostgresRankedSearchMatch>(e =>
        {
            e.ToTable(RankedMatchesTable);
            e.HasKey(x => new { x.Key, x.Target, x.Position });
            e.Property(x => x.Id).HasMaxLength(ModelLimits.IdLength).IsRequired();
        });
    }

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
        var analyze = "ANALYZE " + ModelTables(db);
        await db.Database.ExecuteSqlRawAsync(analyze, ct);
    }

    /// <summary>VACUUM (ANALYZE) of the model's tables once the release is committed. An ingest rewrites every row: the
    /// replaced rows are dead (a search's bitmap scan still visits them, and after a re-ingest its GIN index holds them
    /// twice over), the new rows lack hint bits and visibility-map bits, and their statistics count as stale. Autovacuum
    /// would do it later, throttled, beside the requests of the new release; here it is part of the ingest (25 s after the
    /// 1,000,000-paragraph ingest, 10 GB, bench/README.md). The PostgreSQL manual advises the same after a bulk load
    /// ("Populating a Database"). A table this role does not own is skipped with a warning by the server, not an
    /// error.</summary>
    public override async Task MaintainAfterIngestAsync(KzRightsDbContext db, CancellationToken ct)
    {
        var vacuum = "VACUUM (ANALYZE) " + ModelTables(db);
        await db.Database.ExecuteSqlRawAsync(vacuum, ct);
    }

    /// <summary>The model's tables, quoted by the provider, comma-separated: identifiers from the model, nothing from outside.</summary>
    private static string ModelTables(KzRightsDbContext db)
    {
        var names = new ModelSqlNames(db);
        return string.Join(", ", db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(names.Table).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>Ranking a common word costs a ts_rank of every match (557 ms for "women", in 240,697 records at 1,000,000
    /// paragraphs, bench/README.md): no index here returns matches in rank order (RUM would; Debian's
    /// PostgreSQL does not ship it). So the ingest ranks each frequent word once, after the full-text index, inside the
    /// release's transaction: the first <paramref name="depth"/> matches per target in ranking order go to
    /// <see cref="RankedMatchesTable"/>, the count and the last kept match to <see cref="RankedTermsTable"/>. A row is keyed
    /// by the text of the tsquery a search for the word builds (<see cref="TsQuery"/>), so a search uses it exactly when
    /// it would rank the same query: its answers are those of the live ranking, only read instead of computed.
    /// Candidates are the lexemes in at least <paramref name="minMatches"/> vectors (ts_stat), and the pairs of lexemes
    /// near each other in about as many (<see cref="FrequentNearbyPairsAsync"/>): a two-word phrase such as "death penalty" is
    /// ranked live over every record holding both words (21,170 at 1,000,000 paragraphs, 40–50 ms). A candidate that is not
    /// itself a search (its lexemes are not its words), or that yields a query already ranked (woman, women), is skipped.
    /// Which queries are ranked ahead changes how fast they are answered, never what they answer.</summary>
    public async Task PrecomputeSearchRankingsAsync(KzRightsDbContext db, int minMatches, int depth, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {RankedMatchesTable}", ct);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {RankedTermsTable}", ct);
        var words = await db.Database.SqlQueryRaw<string>(
            $"SELECT word AS \"Value\" FROM ts_stat('SELECT \"Vector\" FROM {SearchTable}') WHERE ndoc >= {{0}} ORDER BY word COLLATE \"C\"",
            minMatches).ToListAsync(ct);
        var pairs = await FrequentNearbyPairsAsync(db, minMatches, PairSampleRecords, ct);
        var ranked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in words.Concat(pairs))
        {
            var terms = SearchTerms.Parse(candidate);
            if (!string.Equals(string.Join(' ', terms.Tokens), candidate, StringComparison.Ordinal))
            {
                continue;
            }

            var keyParameters = new List<object>();
            var keySql = $"SELECT ({TsQuery(terms, keyParameters)})::text AS \"Value\"";
            var key = (await db.Database.SqlQueryRaw<string>(keySql, [.. keyParameters]).ToListAsync(ct)).Single();
            if (key.Length == 0 || !ranked.Add(key))
            {
                continue;
            }

            var (match, parameters) = MatchStatement(new SearchQuery(terms, AllTargets, []));
            var (k, d) = (Parameter(parameters, key), Parameter(parameters, depth));
            // The matches are ranked once (MATERIALIZED): counted per target, and the top of each target kept in order.
            var sql = $"WITH m AS MATERIALIZED ({match}), " +
                "top AS (SELECT x.* FROM unnest(ARRAY[0, 1]) AS t(target), LATERAL (SELECT r.\"Target\", r.\"Id\", r.\"Score\", " +
                "row_number() OVER (ORDER BY r.\"Score\" DESC, r.\"Id\" COLLATE \"C\") AS \"Position\" FROM (SELECT * FROM m " +
                $"WHERE m.\"Target\" = t.target ORDER BY m.\"Score\" DESC, m.\"Id\" COLLATE \"C\" LIMIT {d}) AS r) AS x), " +
                $"kept AS (INSERT INTO {RankedMatchesTable} (\"Key\", \"Target\", \"Position\", \"Id\", \"Score\") " +
                $"SELECT {k}, \"Target\", \"Position\", \"Id\", \"Score\" FROM top RETURNING \"Target\", \"Position\", \"Id\", \"Score\") " +
                $"INSERT INTO {RankedTermsTable} (\"Key\", \"Target\", \"Matches\", \"Stored\", \"LastScore\", \"LastId\") " +
                $"SELECT {k}, t.target, (SELECT count(*) FROM m WHERE m.\"Target\" = t.target), " +
                "(SELECT count(*) FROM kept WHERE kept.\"Target\" = t.target), " +
                "(SELECT kept.\"Score\" FROM kept WHERE kept.\"Target\" = t.target ORDER BY kept.\"Position\" DESC LIMIT 1), " +
                "(SELECT kept.\"Id\" FROM kept WHERE kept.\"Target\" = t.target ORDER BY kept.\"Position\" DESC LIMIT 1) " +
                "FROM unnest(ARRAY[0, 1]) AS t(target)";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }

        await db.Database.ExecuteSqlRawAsync($"ANALYZE {RankedTermsTable}, {RankedMatchesTable}", ct);
    }

    /// <summary>Pairs of Latin-script lexemes ("death penalti", "express freedom") at most <see cref="PairMaxDistance"/>
    /// positions apart, in either order, in about <paramref name="minMatches"/> records or more, most frequent first: counted
    /// in a sample of about <paramref name="sampleRecords"/> records (every record of a smaller table), so a pair near the
    /// threshold may be missed or taken; either way its answers are the same. Russian paragraphs hold stems, which are not
    /// what a search for a Russian word looks up (as for single words).</summary>
    internal static async Task<List<string>> FrequentNearbyPairsAsync(KzRightsDbContext db, int minMatches, int sampleRecords, CancellationToken ct)
    {
        var records = (await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {SearchTable}").ToListAsync(ct)).Single();
        var percent = records <= sampleRecords ? 100d : 100d * sampleRecords / records;
        var sql = $"WITH s AS MATERIALIZED (SELECT row_number() OVER () AS r, \"Vector\" FROM {SearchTable} " +
            "TABLESAMPLE BERNOULLI ({0}) REPEATABLE (0)), " +
            "lp AS (SELECT s.r, u.lexeme COLLATE \"C\" AS lexeme, p.pos FROM s, unnest(s.\"Vector\") AS u, unnest(u.positions) AS p(pos) " +
            "WHERE u.lexeme ~ '^[a-z0-9]+$'), " +
            "near AS (SELECT least(a.lexeme, b.lexeme) AS x, greatest(a.lexeme, b.lexeme) AS y, a.r FROM lp AS a JOIN lp AS b " +
            $"ON b.r = a.r AND b.pos BETWEEN a.pos + 1 AND a.pos + {PairMaxDistance} AND b.lexeme <> a.lexeme) " +
            "SELECT x || ' ' || y AS \"Value\" FROM near GROUP BY x, y HAVING count(DISTINCT r) >= {1} " +
            "ORDER BY count(DISTINCT r) DESC, x, y LIMIT {2}";
        return await db.Database.SqlQueryRaw<string>(sql, percent, minMatches * percent / 100d, MaxRankedPairs).ToListAsync(ct);
    }

    public override Task PrecomputeSearchRankingsAsync(KzRightsDbContext db, int minMatches, CancellationToken ct) =>
        PrecomputeSearchRankingsAsync(db, minMatches, RankedDepth, ct);

    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        await PrecomputedPageAsync(db, query, after, take, ct) ?? await Matches(query).PageAsync(db, after, take, ct);

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) =>
        await PrecomputedTermsAsync(db, query, ct) is { } terms ? terms.Sum(t => t.Matches) : await Matches(query).CountAsync(db, ct);

    /// <summary>The page from <see cref="RankedMatchesTable"/> when it holds it whole, else null (ranked live). A target
    /// whose ranking was cut at the depth has more matches, all after its last kept one: the page is whole only if it
    /// is full and ends no later than that.</summary>
    private static async Task<List<SearchMatch>?> PrecomputedPageAsync(
        KzRightsDbContext db,
        SearchQuery query,
        SearchMatch? after,
        int take,
        CancellationToken ct)
    {
        if (await PrecomputedTermsAsync(db, query, ct) is not { } terms)
        {
            return null;
        }

        var (kept, parameters) = RankedRows(query, RankedMatchesTable, "\"Target\", \"Id\", \"Score\"");
        var page = await new RankingSql(kept, parameters, IdCollation).PageAsync(db, after, take, ct);
        foreach (var cut in terms.Where(t => t.Stored < t.Matches))
        {
            var last = new SearchMatch((SearchTarget)cut.Target, cut.LastId!, cut.LastScore!.Value);
            if (page.Count < take || SearchMatch.Compare(page[^1], last) > 0)
            {
                return null;
            }
        }

        return page;
    }

    /// <summary>The precomputed counts of a query for each target it selects, or null when its tsquery was not ranked by
    /// the ingest (or the query excludes records named by a locator, which the stored rankings include).</summary>
    private static async Task<List<RankedTermRow>?> PrecomputedTermsAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct)
    {
        if (query.Terms.Tokens.Count == 0 || query.ExcludedIds.Count > 0)
        {
            return null;
        }

        var (sql, parameters) = RankedRows(query, RankedTermsTable, "\"Target\", \"Matches\", \"Stored\", \"LastScore\", \"LastId\"");
        var terms = await db.Database.SqlQueryRaw<RankedTermRow>(sql, [.. parameters]).ToListAsync(ct);
        return terms.Count == query.Targets.Distinct().Count() ? terms : null;
    }

    /// <summary>The rows of a ranking table for the query's tsquery (its text is the key) and selected targets.</summary>
    private static (string Sql, List<object> Parameters) RankedRows(SearchQuery query, string table, string columns)
    {
        var parameters = new List<object>();
        var key = TsQuery(query.Terms, parameters);
        var targets = Parameter(parameters, query.Targets.Select(t => (int)t).ToArray());
        return ($"SELECT {columns} FROM {table} WHERE \"Key\" = ({key})::text AND \"Target\" = ANY({targets})", parameters);
    }

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
        var tsquery = TsQuery(query.Terms, parameters);
        var targets = Parameter(parameters, query.Targets.Select(t => (int)t).ToArray());
        var excluded = Parameter(parameters, query.ExcludedIds.ToArray());
        var sql = $"SELECT s.\"Target\", s.\"Id\", round(ts_rank(s.\"Vector\", q)::float8 * 1000000) / 1000000 AS \"Score\" " +
            $"FROM {SearchTable} AS s, (SELECT {tsquery} AS q) AS query " +
            $"WHERE s.\"Vector\" @@ q AND s.\"Target\" = ANY({targets}) AND NOT (s.\"Id\" = ANY({excluded}))";
        return (sql, parameters);
    }

    /// <summary>The tsquery expression of <paramref name="terms"/>, its words added to <paramref name="parameters"/>. The
    /// words are taken in code-point order: "penalty death" builds the same tsquery text as "death penalty", so it finds that
    /// phrase's ranking (matches and ts_rank do not depend on the order of an AND's operands). A form whose english and
    /// russian lexemes are the same (every Latin-script word: the russian configuration stems those with the english
    /// stemmer) is taken once: the GIN index scans each operand of a tsquery, so 'court' | 'court' read the posting list of
    /// "court" twice (about a quarter of the statement for "court women" at 1,000,000 paragraphs, bench/README.md). ts_rank
    /// counts distinct operands, so the scores are the same either way.</summary>
    internal static string TsQuery(SearchTerms terms, List<object> parameters) =>
        string.Join(" && ", terms.Tokens.Order(StringComparer.Ordinal).Select(token => "(" + string.Join(" || ", SearchTerms.Forms(token).Select(form =>
        {
            var p = Parameter(parameters, form);
            var (english, russian) = ($"plainto_tsquery('english', {p})", $"plainto_tsquery('russian', {p})");
            return $"CASE WHEN {english} = {russian} THEN {english} ELSE {english} || {russian} END";
        })) + ")"));

    /// <summary>Adds a value to a raw statement's parameters and returns its placeholder.</summary>
    private static string Parameter(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    private static RankingSql Matches(SearchQuery query)
    {
        var (sql, parameters) = MatchStatement(query);
        return new RankingSql(sql, parameters, IdCollation);
    }
}

/// <summary>One record's tsvector in <see cref="PostgresProvider.SearchTable"/> (PostgreSQL only).</summary>
public sealed class PostgresSearchVector
{
    public int Target { get; set; }
    public required string Id { get; set; }
    public required NpgsqlTypes.NpgsqlTsVector Vector { get; set; }
}

/// <summary>A frequent word's or phrase's ranking per target (<see cref="PostgresProvider.RankedTermsTable"/>, PostgreSQL only).</summary>
public sealed class PostgresRankedSearchTerm
{
    /// <summary>The text of the word's tsquery.</summary>
    public required string Key { get; set; }
    public int Target { get; set; }
    public int Matches { get; set; }
    public int Stored { get; set; }
    public double? LastScore { get; set; }
    public string? LastId { get; set; }
}

/// <summary>One kept match of a frequent word or phrase (<see cref="PostgresProvider.RankedMatchesTable"/>, PostgreSQL only).</summary>
public sealed class PostgresRankedSearchMatch
{
    public required string Key { get; set; }
    public int Target { get; set; }
    /// <summary>1-based, in ranking order within the target.</summary>
    public int Position { get; set; }
    public required string Id { get; set; }
    public double Score { get; set; }
}

internal sealed record RankedTermRow(int Target, int Matches, int Stored, double? LastScore, string? LastId);

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
