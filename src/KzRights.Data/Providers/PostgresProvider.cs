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
public sealed partial class PostgresProvider : KzRightsDatabaseProvider<PostgresKzRightsDbContext>
{
    /// <summary>One row per searchable record: its target (<see cref="SearchTarget"/>), id and tsvector, behind a GIN
    /// index; filled by <see cref="RebuildFullTextIndexAsync"/>.</summary>
    public const string SearchTable = "search_vectors";

    // Paragraphs are stemmed in their own language; recommendations are all English.
    private const string ParagraphVector =
        "CASE WHEN \"Language\" = 'ru' THEN to_tsvector('russian'::regconfig, \"SearchText\") ELSE to_tsvector('english'::regconfig, \"SearchText\") END";

    private const string RecommendationVector = "to_tsvector('english'::regconfig, \"SearchText\")";

    /// <summary>Per frequent word or group of words and target (<see cref="PrecomputeSearchRankingsAsync(KzRightsDbContext, int,
    /// CancellationToken)"/>): how many records match, the first of them in ranking order (their ids and scores as two arrays),
    /// how many it keeps and the last one kept.</summary>
    /// <remarks>One row per ranking, not per kept match: at 1,000,000 paragraphs a row per match took 1,763 MB for 8.7 million
    /// matches of 5,859 rankings (key, target and position in every row and its index), the arrays 48 MB (compressed with
    /// the row), and a page read from them took as long (1.3 ms against 1.0 ms, bench/README.md).</remarks>
    public const string RankedTermsTable = "search_ranked_terms";

    /// <summary>Matches kept per frequent word or phrase and target: two pages of the largest limit (500), or 50 of the default.</summary>
    public const int RankedDepth = 1000;

    /// <summary>Records sampled to find frequent groups of words: a pair in 5,000 of 1,382,868 records is seen about 72 times
    /// in 20,000.</summary>
    private const int GroupSampleRecords = 20_000;

    /// <summary>At most this many groups of words are ranked ahead (at 1,000,000 paragraphs 4,844 pairs and 5,066 triples: 267
    /// nearby, 4,931 in the same records, 132 both; bench/README.md).</summary>
    private const int MaxRankedGroups = 20_000;

    /// <summary>How far apart two words of a pair may be. Positions count stop words, so the phrases people search for are
    /// often 2 or 3 apart: "freedom of expression", "violence against women", "rights of the child", "persons with
    /// disabilities". Adjacent words alone found 318 pairs at 1,000,000 paragraphs, and not the first three of these.</summary>
    private const int PairMaxDistance = 3;

    /// <summary>How many positions the three words of a triple may span: "rights of persons with disabilities", "freedom of
    /// religion or belief" and "violence against women and girls" span 4.</summary>
    private const int TripleMaxSpan = 4;

    /// <summary>Two or three words in the same records, however far apart, are ranked ahead from this many times the threshold
    /// of a word. A live ranking reads every record holding both: at 1,000,000 paragraphs "women law" (32,731 records) took p95
    /// 105–270 ms and "court women" (12,516) 40–76 ms, "court children" (6,739) 30–50 ms. Twice, not the word's threshold
    /// itself: 16,346 pairs are in 5,000 records there and 4,568 in 10,000, and ranking them costs the ingest about as long as
    /// ranking each live once (4,829 pairs and 267 triples: 335 s with the words). Three words likewise: "women children
    /// rights" (14,441 records) took p95 50–62 ms ranked live, every pair of it ranked ahead but too deep in ties to certify a
    /// page (<see cref="PageBoundedByPairsAsync"/>); so a group of three words not ranked ahead is in fewer than about this many
    /// times the threshold of records ("country ensure protect", 6,735: p95 33 ms; "combat ensure prevent", 7,698: 41 ms).</summary>
    private const int TogetherThresholdFactor = 2;

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
        modelBuilder.Entity<PostgresSearchStatistic>(e =>
        {
            e.ToTable(StatisticsTable);
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
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
    /// release's transaction: the count and the first <paramref name="depth"/> matches per target in ranking order go to
    /// <see cref="RankedTermsTable"/>. A row is keyed by the text of the tsquery a search for the word builds
    /// (<see cref="TsQuery"/>), so a search uses it exactly when it would rank the same query: its answers are those of the
    /// live ranking, only read instead of computed. Candidates are the lexemes in at least <paramref name="minMatches"/>
    /// vectors (ts_stat), and the groups of two or three lexemes often near each other or, for two, often in the same records
    /// (<see cref="FrequentWordGroupsAsync"/>): a live ranking reads every record holding all the words, 21,170 for "death
    /// penalty" and 32,731 for "women law" at 1,000,000 paragraphs (40–50 ms and 105–270 ms). Other queries of three words
    /// or more are ranked from their pairs' rankings when those certify the page (<see cref="PageBoundedByPairsAsync"/>), else
    /// live. A lexeme that is not its own stem is searched by a word that stems to it
    /// (<see cref="SearchableWordsAsync"/>: committe by "committee"), and a frequent Russian stem by each of its forms in a sample
    /// of the texts (<see cref="RussianWordFormsAsync"/>). A candidate that is not itself a search (its words are
    /// not one token each), or that yields a query already ranked (woman, women), is skipped. Which queries are ranked ahead
    /// changes how fast they are answered, never what they answer.</summary>
    public async Task PrecomputeSearchRankingsAsync(KzRightsDbContext db, int minMatches, int depth, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {RankedTermsTable}", ct);
        await StoreMaxPositionsPerLexemeAsync(db, ct);
        var words = await db.Database.SqlQueryRaw<string>(
            $"SELECT word AS \"Value\" FROM ts_stat('SELECT \"Vector\" FROM {SearchTable}') WHERE ndoc >= {{0}} ORDER BY word COLLATE \"C\"",
            minMatches).ToListAsync(ct);
        // One sample of the records for the groups and the Russian forms.
        var samplePercent = await SamplePercentAsync(db, GroupSampleRecords, ct);
        var groups = await FrequentWordGroupsAsync(db, minMatches, samplePercent, ct);
        var lexemes = words.Concat(groups).SelectMany(g => g.Split(' ')).Distinct(StringComparer.Ordinal).ToArray();
        var searchable = await SearchableWordsAsync(db, lexemes, ct);
        var russian = await RussianWordFormsAsync(db, [.. words], samplePercent, ct);
        var ranked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in words.Concat(russian).Concat(groups)
            .Select(g => string.Join(' ', g.Split(' ').Select(l => searchable.GetValueOrDefault(l, l)))))
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
            const string RankingOrder = "ORDER BY r.\"Score\" DESC, r.\"Id\" COLLATE \"C\"";
            var sql = $"WITH m AS MATERIALIZED ({match}) " +
                $"INSERT INTO {RankedTermsTable} (\"Key\", \"Target\", \"Matches\", \"Stored\", \"LastScore\", \"LastId\", \"Ids\", \"Scores\") " +
                $"SELECT {k}, t.target, (SELECT count(*) FROM m WHERE m.\"Target\" = t.target), cardinality(kept.ids), " +
                "kept.scores[cardinality(kept.scores)], kept.ids[cardinality(kept.ids)], kept.ids, kept.scores " +
                "FROM unnest(ARRAY[0, 1]) AS t(target), " +
                $"LATERAL (SELECT coalesce(array_agg(r.\"Id\"::text {RankingOrder}), ARRAY[]::text[]) AS ids, " +
                $"coalesce(array_agg(r.\"Score\" {RankingOrder}), ARRAY[]::float8[]) AS scores " +
                $"FROM (SELECT * FROM m AS r WHERE r.\"Target\" = t.target {RankingOrder} LIMIT {d}) AS r) AS kept";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }

        await db.Database.ExecuteSqlRawAsync($"ANALYZE {RankedTermsTable}", ct);
    }

    /// <summary>Endings tried, in this order, to find a word for a lexeme that is not its own stem (<see cref="SearchableWordsAsync"/>).</summary>
    private static readonly string[] WordEndings = ["e", "es", "s", "ed", "ing", "ion", "al", "y", "ee", "ant", "ent", "ive", "ity", "ment", "er"];

    /// <summary>A word whose search builds the tsquery of the lexeme, for each Latin-script lexeme of <paramref name="lexemes"/>
    /// whose own search builds another. ts_stat and the sampled groups give lexemes, a search stems its words, and the english
    /// Snowball stemmer is not idempotent: "committee" stems to committe, which stems to committ, so the ranking ahead of the
    /// lexeme "committe" was keyed by a query nobody sends and a search for "committee" (75,047 records at 1,000,000
    /// paragraphs) was ranked live, 0.6 s; "increase" 1.3–2.3 s. The words come from appending common English endings until
    /// the english stem is the lexeme: any such string, a real word or not ("committee", "governmente"), builds the same
    /// tsquery as the corpus's own words, and that text is all a ranking is keyed by. Cheaper than reading words back out of
    /// the records' texts, which the vectors do not keep; a lexeme no ending reaches keeps its own query (ranked live, as
    /// before). It found a word for each of the 42 such lexemes in 5,000 records or more at 1,000,000 paragraphs.</summary>
    private static async Task<Dictionary<string, string>> SearchableWordsAsync(KzRightsDbContext db, string[] lexemes, CancellationToken ct)
    {
        const string Sql = "SELECT DISTINCT ON (l.lexeme) l.lexeme AS \"Lexeme\", l.lexeme || e.ending AS \"Word\" " +
            "FROM unnest({0}::text[]) AS l(lexeme), unnest({1}::text[]) WITH ORDINALITY AS e(ending, o) " +
            "WHERE l.lexeme ~ '^[a-z]+$' AND plainto_tsquery('english', l.lexeme) <> plainto_tsquery('simple', l.lexeme) " +
            "AND plainto_tsquery('english', l.lexeme || e.ending) = plainto_tsquery('simple', l.lexeme) ORDER BY l.lexeme, e.o";
        var words = await db.Database.SqlQueryRaw<LexemeWord>(Sql, lexemes, WordEndings).ToListAsync(ct);
        return words.ToDictionary(w => w.Lexeme, w => w.Word, StringComparer.Ordinal);
    }

    /// <summary>What percentage of the records is about <paramref name="sampleRecords"/> of them (all of a smaller table).</summary>
    private static async Task<double> SamplePercentAsync(KzRightsDbContext db, int sampleRecords, CancellationToken ct)
    {
        var records = (await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {SearchTable}").ToListAsync(ct)).Single();
        return records <= sampleRecords ? 100d : 100d * sampleRecords / records;
    }

    /// <summary>The Russian words, most frequent first, of the Russian paragraphs among <paramref name="samplePercent"/> % of
    /// the records whose russian stem is one of <paramref name="stems"/>. A Russian paragraph's vector holds stems (прав), but a
    /// search for a Russian word builds the word or its stem ('права' | 'прав': the english configuration keeps a Cyrillic word
    /// as it is), so the stem's ranking serves only a search for the bare stem and every other form was ranked live ("права"
    /// p95 55 ms at 1,000,000 paragraphs, against 6–12 ms for a word ranked ahead). Each form seen in the sample is ranked as
    /// a word of its own; a form the sample missed is ranked live.</summary>
    private static async Task<List<string>> RussianWordFormsAsync(KzRightsDbContext db, string[] stems, double samplePercent, CancellationToken ct)
    {
        var sql = "SELECT w.word AS \"Value\" FROM (SELECT lower(m[1]) AS word, count(*) AS n " +
            "FROM paragraphs TABLESAMPLE BERNOULLI ({0}) REPEATABLE (0), regexp_matches(\"SearchText\", '([[:alpha:]]+)', 'g') AS m " +
            "WHERE \"Language\" = 'ru' GROUP BY 1) AS w " +
            "WHERE w.word ~ '[а-яё]' AND (ts_lexize('russian_stem', w.word))[1] = ANY ({1}) ORDER BY w.n DESC, w.word COLLATE \"C\" LIMIT {2}";
        return await db.Database.SqlQueryRaw<string>(sql, samplePercent, stems, MaxRankedGroups).ToListAsync(ct);
    }

    /// <summary>Groups of Latin-script lexemes, each group once, its lexemes in code-point order: pairs ("death penalti",
    /// "express freedom") at most <see cref="PairMaxDistance"/> positions apart, in either order, in about
    /// <paramref name="minMatches"/> records or more, or in the same records, however far apart, in about
    /// <see cref="TogetherThresholdFactor"/> times as many; then triples ("disabl person right") within
    /// <see cref="TripleMaxSpan"/> positions in about <paramref name="minMatches"/> records, or in the same records in about
    /// <see cref="TogetherThresholdFactor"/> times as many ("child right woman"). Pairs first, then triples, the most
    /// frequent first. Counted in a sample of <paramref name="samplePercent"/> % of the records (<see cref="SamplePercentAsync"/>),
    /// so a group near a threshold may be missed or taken; either way its answers are the same. Russian paragraphs hold stems,
    /// which are not what a search for a Russian word looks up (single Russian words are ranked by their forms,
    /// <see cref="RussianWordFormsAsync"/>; groups of them are not).</summary>
    internal static async Task<List<string>> FrequentWordGroupsAsync(KzRightsDbContext db, int minMatches, double samplePercent, CancellationToken ct)
    {
        // Only lexemes in enough sampled records can be in enough of them together: that keeps the self-join of each record's
        // lexemes small (4 s for the 19,929 records sampled at 1,000,000 paragraphs; the triples nearby 7 s, in the same records
        // 17 s: 4.8 million pairs of common lexemes in those records, 1.1 million of them pairs often together).
        const string Middle = "CASE WHEN l1 <> least(l1, l2, l3) AND l1 <> greatest(l1, l2, l3) THEN l1 " +
            "WHEN l2 <> least(l1, l2, l3) AND l2 <> greatest(l1, l2, l3) THEN l2 ELSE l3 END";
        var sql = $"WITH s AS MATERIALIZED (SELECT row_number() OVER () AS r, \"Vector\" FROM {SearchTable} " +
            "TABLESAMPLE BERNOULLI ({0}) REPEATABLE (0)), " +
            "l AS MATERIALIZED (SELECT s.r, u.lexeme COLLATE \"C\" AS lexeme, u.positions FROM s, unnest(s.\"Vector\") AS u " +
            "WHERE u.lexeme ~ '^[a-z0-9]+$'), " +
            "lp AS MATERIALIZED (SELECT l.r, l.lexeme, p.pos FROM l, unnest(l.positions) AS p(pos)), " +
            "near AS (SELECT least(a.lexeme, b.lexeme) AS x, greatest(a.lexeme, b.lexeme) AS y, count(DISTINCT a.r) AS n FROM lp AS a " +
            $"JOIN lp AS b ON b.r = a.r AND b.pos BETWEEN a.pos + 1 AND a.pos + {PairMaxDistance} AND b.lexeme <> a.lexeme " +
            "GROUP BY 1, 2 HAVING count(DISTINCT a.r) >= {1}), " +
            "common AS MATERIALIZED (SELECT lexeme FROM l GROUP BY lexeme HAVING count(*) >= {2}), " +
            "lc AS MATERIALIZED (SELECT l.r, l.lexeme FROM l WHERE l.lexeme IN (SELECT lexeme FROM common)), " +
            // Each record's pairs of common lexemes, once; the pairs often together, and those of them in each record.
            "rp AS MATERIALIZED (SELECT a.r, a.lexeme AS x, b.lexeme AS y FROM lc AS a JOIN lc AS b ON b.r = a.r AND a.lexeme < b.lexeme), " +
            "together AS MATERIALIZED (SELECT x, y, count(*) AS n FROM rp GROUP BY 1, 2 HAVING count(*) >= {2}), " +
            "rt AS MATERIALIZED (SELECT rp.r, rp.x, rp.y FROM rp JOIN together USING (x, y)), " +
            // Three lexemes are often together only if each two of them are: x < y < z from the record's pairs x y and x z, and y z.
            "together3 AS (SELECT a.x, a.y, b.y AS z, count(*) AS n FROM rt AS a JOIN rt AS b ON b.r = a.r AND b.x = a.x AND b.y > a.y " +
            "JOIN together AS t ON t.x = a.y AND t.y = b.y GROUP BY 1, 2, 3 HAVING count(*) >= {2}), " +
            "near3 AS (SELECT a.r, a.lexeme AS l1, b.lexeme AS l2, c.lexeme AS l3 FROM lp AS a " +
            $"JOIN lp AS b ON b.r = a.r AND b.pos BETWEEN a.pos + 1 AND a.pos + {PairMaxDistance} " +
            $"JOIN lp AS c ON c.r = a.r AND c.pos BETWEEN b.pos + 1 AND a.pos + {TripleMaxSpan} " +
            "WHERE a.lexeme <> b.lexeme AND a.lexeme <> c.lexeme AND b.lexeme <> c.lexeme), " +
            $"triples AS (SELECT least(l1, l2, l3) AS x, {Middle} AS y, greatest(l1, l2, l3) AS z, count(DISTINCT r) AS n FROM near3 " +
            "GROUP BY 1, 2, 3 HAVING count(DISTINCT r) >= {1}), " +
            "groups AS (SELECT x || ' ' || y AS g, 2 AS words, greatest(near.n, together.n) AS n FROM near FULL JOIN together USING (x, y) " +
            "UNION ALL SELECT x || ' ' || y || ' ' || z, 3, greatest(triples.n, together3.n) FROM triples FULL JOIN together3 USING (x, y, z)) " +
            "SELECT g AS \"Value\" FROM groups ORDER BY words, n DESC, g LIMIT {3}";
        var near = minMatches * samplePercent / 100d;
        return await db.Database.SqlQueryRaw<string>(sql, samplePercent, near, near * TogetherThresholdFactor, MaxRankedGroups).ToListAsync(ct);
    }

    public override Task PrecomputeSearchRankingsAsync(KzRightsDbContext db, int minMatches, CancellationToken ct) =>
        PrecomputeSearchRankingsAsync(db, minMatches, RankedDepth, ct);

    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        await PrecomputedPageAsync(db, query, after, take, ct)
        ?? await PageBoundedByPairsAsync(db, query, after, take, ct)
        ?? await Matches(query).PageAsync(db, after, take, ct);

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) =>
        await PrecomputedTermsAsync(db, query, ct) is { } terms ? terms.Sum(t => t.Matches) : await Matches(query).CountAsync(db, ct);

    /// <summary>The page from the matches <see cref="RankedTermsTable"/> keeps when they hold it whole, else null (ranked live). A target
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

        var (kept, parameters) = RankedRows(query, "r.\"Target\", u.\"Id\", u.\"Score\"", ", unnest(r.\"Ids\", r.\"Scores\") AS u(\"Id\", \"Score\")");
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

        var (sql, parameters) = RankedRows(query, "r.\"Target\", r.\"Matches\", r.\"Stored\", r.\"LastScore\", r.\"LastId\"");
        var terms = await db.Database.SqlQueryRaw<RankedTermRow>(sql, [.. parameters]).ToListAsync(ct);
        return terms.Count == query.Targets.Distinct().Count() ? terms : null;
    }

    /// <summary><paramref name="columns"/> of the rankings (<c>r</c>, and any <paramref name="join"/>ed to them) of the query's
    /// tsquery (its text is the key) for its selected targets.</summary>
    private static (string Sql, List<object> Parameters) RankedRows(SearchQuery query, string columns, string join = "")
    {
        var parameters = new List<object>();
        var key = TsQuery(query.Terms, parameters);
        var targets = Parameter(parameters, query.Targets.Select(t => (int)t).ToArray());
        return ($"SELECT {columns} FROM {RankedTermsTable} AS r{join} WHERE r.\"Key\" = ({key})::text AND r.\"Target\" = ANY({targets})", parameters);
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

    /// <summary>What a ranking statement selects: target, id and ts_rank rounded to six decimals (see <see cref="MatchStatement"/>).</summary>
    private const string ScoredColumns = "s.\"Target\", s.\"Id\", round(ts_rank(s.\"Vector\", q)::float8 * 1000000) / 1000000 AS \"Score\"";

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
        var sql = $"SELECT {ScoredColumns} FROM {SearchTable} AS s, (SELECT {tsquery} AS q) AS query " +
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

/// <summary>A frequent word's or group of words' ranking per target (<see cref="PostgresProvider.RankedTermsTable"/>, PostgreSQL only).</summary>
public sealed class PostgresRankedSearchTerm
{
    /// <summary>The text of the tsquery a search for the word or words builds.</summary>
    public required string Key { get; set; }
    public int Target { get; set; }
    public int Matches { get; set; }
    public int Stored { get; set; }
    public double? LastScore { get; set; }
    public string? LastId { get; set; }

    /// <summary>The ids of the first <see cref="Stored"/> matches in ranking order.</summary>
    public string[] Ids { get; set; } = [];

    /// <summary>Their scores, in the same order.</summary>
    public double[] Scores { get; set; } = [];
}

/// <summary>A number about the whole of <see cref="PostgresProvider.SearchTable"/> that searches read, written by the ingest
/// (<see cref="PostgresProvider.StatisticsTable"/>, PostgreSQL only).</summary>
public sealed class PostgresSearchStatistic
{
    public required string Name { get; set; }
    public long Value { get; set; }
}

internal sealed record RankedTermRow(int Target, int Matches, int Stored, double? LastScore, string? LastId);

internal sealed record LexemeWord(string Lexeme, string Word);

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
