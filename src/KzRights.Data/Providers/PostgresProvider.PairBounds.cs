using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KzRights.Data.Providers;

/// <summary>Three words or more whose every pair is ranked ahead (<see cref="RankedTermsTable"/>) are ranked from those pairs'
/// kept matches instead of from every record holding them all ("law rights women": 15,403 records at 1,000,000 paragraphs,
/// 115 ms p95 ranked live, 31 ms so, before three words in the same records were ranked ahead themselves; bench/README.md).
/// The page is the same as the live ranking's, or the search is ranked live.
/// <para>Why a pair bounds a group: for a tsquery whose top operator is AND, ts_rank (calc_rank_and in PostgreSQL's
/// tsrank.c, no normalization) takes every two distinct lexemes of the query and every position of each in the record,
/// and folds <c>res = 1 - (1 - res) * (1 - w)</c> over them, w depending only on the two positions' distance and weights.
/// So <c>1 - rank</c> is the product over the query's lexeme pairs of a factor per lexeme pair, each at most 1, and for
/// words a, b, c, <c>rank(abc) ≤ 1 - (1 - rank(ab))(1 - rank(ac))(1 - rank(bc))</c> (equal when no word has two forms).
/// A record in none of the pairs' kept matches ranks at most each pair's last kept score there, so at most the bound
/// <see cref="ScoreBound"/> computes from those scores; every record that could rank above it is among the pairs'
/// kept matches, which are ranked here with the live statement's ts_rank. If the page's last hit scores above the bound,
/// no record outside them can come before it.</para></summary>
public sealed partial class PostgresProvider
{
    /// <summary>One row per number the searches read about the whole of <see cref="SearchTable"/>, written by the ingest.</summary>
    public const string StatisticsTable = "search_statistics";

    /// <summary>The most positions one lexeme has in one record's tsvector: 13 in the corpus ("percent" in a paragraph of the
    /// ministry's review) and so in the multiplied one. It bounds how many float steps ts_rank takes per pair of lexemes.</summary>
    public const string MaxPositionsPerLexeme = "max_positions_per_lexeme";

    /// <summary>The statement that computes <see cref="MaxPositionsPerLexeme"/> (5.7 s at 1,000,000 paragraphs).</summary>
    private const string MaxPositionsPerLexemeSql =
        $"SELECT coalesce(max(cardinality(u.positions)), 0) FROM {SearchTable} AS s, unnest(s.\"Vector\") AS u";

    /// <summary>Kept matches ranked at most before a search is ranked live instead, what a search that cannot be certified
    /// wastes (5–20 ms at 1,000,000 paragraphs): "law rights women" certifies its first page after 962 there (168, then 794
    /// up to the first bound below what the page can reach: copies of one paragraph tie at the top of each pair's
    /// ranking); "country ensure protect" had not after 1,925.</summary>
    private const int MaxRankedKeptMatches = 1024;

    /// <summary>Searches whose page the pairs' kept matches did not certify, by the query, its pairs' rankings, the page's size
    /// and whether it follows a cursor: the same request is ranked live at once rather than spending the budget again
    /// ("country ensure protect" at 1,000,000 paragraphs took 44 ms instead of 23 ms when it did). Only a choice of how to
    /// rank is kept, never an answer; a new ingest's rankings make new keys. Keyed by the SHA-256 of that text (up to about
    /// 2 KB for six words), so 10,000 entries hold about 1 MB: two texts with one hash would only send a search live.</summary>
    private static readonly MemoryCache Uncertified = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Searches of more words are ranked live: the bound loosens with every pair, and each pair is a lookup.</summary>
    private const int MaxBoundedWords = 6;

    /// <summary>How far one step of ts_rank's float arithmetic can be from the real value: the step's result is rounded to a
    /// float below 1 (half a unit in the last place, 2^-25) and w carries three float roundings (of the weights' product, the
    /// distance function and the square root; w ≤ 1): under 3 × 2^-24 in all, taken as 2^-22. Errors do not grow in later
    /// steps (each multiplies the running error by 1 - w ≤ 1).</summary>
    private static readonly double FloatStepError = Math.ScaleB(1, -22);

    /// <summary>Scores are rounded to six decimals (<see cref="MatchStatement"/>).</summary>
    private const double ScoreRounding = 0.5e-6;

    private static async Task StoreMaxPositionsPerLexemeAsync(KzRightsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {StatisticsTable}", ct);
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {StatisticsTable} (\"Name\", \"Value\") SELECT {{0}}, ({MaxPositionsPerLexemeSql})", [MaxPositionsPerLexeme], ct);
    }

    /// <summary>The page ranked from the kept matches of every pair of the query's words, or null when the query is not a
    /// group of 3 to <see cref="MaxBoundedWords"/> words whose pairs are all ranked ahead, or when the page is not certainly
    /// the live ranking's (too few kept matches after the cursor, or its last hit not above a record outside them).</summary>
    private static async Task<List<SearchMatch>?> PageBoundedByPairsAsync(
        KzRightsDbContext db,
        SearchQuery query,
        SearchMatch? after,
        int take,
        CancellationToken ct)
    {
        if (await BoundingPairsAsync(db, query, ct) is not { } pairs)
        {
            return null;
        }

        var attempt = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{pairs.Rankings}\n{take}\n{after is null}")));
        if (Uncertified.TryGetValue(attempt, out _))
        {
            return null;
        }

        if (await CertifiedPageAsync(db, query, pairs, after, take, ct) is { } certified)
        {
            return certified;
        }

        Uncertified.Set(attempt, true, new MemoryCacheEntryOptions { Size = 1 });
        return null;
    }

    /// <summary>The page, ranked from the pairs' kept matches, if it is certainly the live ranking's.</summary>
    private static async Task<List<SearchMatch>?> CertifiedPageAsync(
        KzRightsDbContext db,
        SearchQuery query,
        BoundingPairs pairs,
        SearchMatch? after,
        int take,
        CancellationToken ct)
    {
        // A valid page ends above every target's bound (the cut), so a kept match whose own bound (from its scores in the
        // pairs' rankings) is not above it cannot be on it. The others are ranked in the order of their bounds: the page is
        // certain once it ends above the bound of the next one not ranked (Fagin's threshold algorithm).
        var (keptSql, keptParameters) = KeptMatchesAboveStatement(query, pairs);
        var kept = await db.Database.SqlQueryRaw<KeptMatch>(keptSql, [.. keptParameters]).ToListAsync(ct);
        var ranked = new List<SearchMatch>();
        var order = Comparer<SearchMatch>.Create(SearchMatch.Compare);
        for (var (count, next) = (0, Math.Min(Math.Min(8 * take, MaxRankedKeptMatches), kept.Count)); next > count && next <= MaxRankedKeptMatches;)
        {
            ranked.AddRange(await RankKeptAsync(db, query, kept[count..next], ct));
            count = next;
            if (!ranked.Exists(m => m.Score > pairs.Cut))
            {
                // The records with the highest bounds all score below the cut: the pairs' last kept scores bound the others
                // too loosely here to certify any page ("women children rights" at 1,000,000 paragraphs: 0.624, and its best
                // score is 0.532). Ranked live rather than ranking every record kept.
                return null;
            }

            var page = ranked.Where(m => after is null || SearchMatch.Compare(m, after) > 0).Order(order).Take(take).ToList();
            // 1e-12 above a bound the server computed in logarithms.
            var threshold = count < kept.Count ? Math.Max(pairs.Cut, kept[count].Bound + 1e-12) : pairs.Cut;
            if ((count == kept.Count && pairs.Cut < 0) || (page.Count == take && page[^1].Score > threshold))
            {
                // Certain: nothing outside the ranked records can come before its last hit; or every record kept was ranked
                // and some pair keeps every match, so no other record matches (the last page of such a search).
                return page;
            }

            // The page can end no higher than its take-th record if every record not ranked scored its bound, and is certain
            // only once the next record not ranked is bounded below that: rank up to there, unless that is past the budget.
            // A page that cannot be full is certain only when every match is kept: rank them all.
            var possible = page.Select(m => m.Score).Concat(kept.Skip(count).Select(k => k.Bound)).OrderDescending().ToList();
            if (possible.Count < take)
            {
                next = pairs.Cut < 0 && kept.Count <= MaxRankedKeptMatches ? kept.Count : count;
                continue;
            }

            var best = possible[take - 1];
            var below = kept.FindIndex(count, k => k.Bound + 1e-12 < best);
            if (best <= pairs.Cut || (below < 0 && kept.Count > MaxRankedKeptMatches))
            {
                return null;
            }

            next = Math.Max(count + 1, below < 0 ? kept.Count : below);
        }

        return null;
    }

    /// <summary>The rankings of every pair of the query's words, with what bounds their records' scores, or null when the
    /// query is not 3 to <see cref="MaxBoundedWords"/> words, some pair of them is not ranked ahead, or the ingest's statistic
    /// is missing.</summary>
    private static async Task<BoundingPairs?> BoundingPairsAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct)
    {
        var tokens = query.Terms.Tokens;
        if (tokens.Count < 3 || tokens.Count > MaxBoundedWords)
        {
            return null;
        }

        // The tsquery text of each word, of each pair of words and of the whole query, with each pair's ranking per target
        // and the ingest's statistic, in one statement.
        var groups = Enumerable.Range(0, tokens.Count).Select(i => new[] { i }).ToList();
        for (var a = 0; a < tokens.Count; a++)
        {
            for (var b = a + 1; b < tokens.Count; b++)
            {
                groups.Add([a, b]);
            }
        }

        groups.Add([.. Enumerable.Range(0, tokens.Count)]);
        var parameters = new List<object>();
        var keys = string.Join(", ", groups.Select((g, i) => $"({i.ToString(CultureInfo.InvariantCulture)}, " +
            $"({TsQuery(SearchTerms.Parse(string.Join(' ', g.Select(w => tokens[w]))), parameters)})::text)"));
        var targets = Parameter(parameters, query.Targets.Select(t => (int)t).ToArray());
        var statistic = Parameter(parameters, MaxPositionsPerLexeme);
        var sql = "SELECT k.i AS \"Group\", k.key AS \"Key\", r.\"Target\", r.\"Matches\", r.\"Stored\", r.\"LastScore\", " +
            $"(SELECT st.\"Value\" FROM {StatisticsTable} AS st WHERE st.\"Name\" = {statistic}) AS \"MaxPositions\" " +
            $"FROM (VALUES {keys}) AS k(i, key) LEFT JOIN {RankedTermsTable} AS r ON r.\"Key\" = k.key AND r.\"Target\" = ANY({targets})";
        var rows = await db.Database.SqlQueryRaw<PairBoundRow>(sql, [.. parameters]).ToListAsync(ct);
        if (rows.Count == 0 || rows[0].MaxPositions is not { } maxPositions)
        {
            return null;
        }

        var keyOf = rows.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.First().Key);
        var words = Enumerable.Range(0, tokens.Count).Where(i => keyOf[i].Length > 0).ToHashSet();
        var whole = TsQueryLexemes(keyOf[groups.Count - 1]);
        if (words.Count < 3 || whole.Count < 2)
        {
            // A stop word has no lexeme; the query is then a smaller group, or one lexeme, which ts_rank ranks another way.
            return null;
        }

        var pairs = new List<(string Key, HashSet<string> Lexemes, List<PairBoundRow> Rankings)>();
        for (var i = tokens.Count; i < groups.Count - 1; i++)
        {
            var pair = groups[i];
            var lexemes = TsQueryLexemes(keyOf[i]);
            if (!words.Contains(pair[0]) || !words.Contains(pair[1]) || lexemes.Count < 2)
            {
                continue;
            }

            var rankings = rows.Where(r => r.Group == i && r.Target is not null).ToList();
            if (rankings.Count != query.Targets.Distinct().Count())
            {
                return null;
            }

            pairs.Add((keyOf[i], lexemes, rankings));
        }

        var lexemeList = whole.Order(StringComparer.Ordinal).ToList();
        for (var a = 0; a < lexemeList.Count; a++)
        {
            for (var b = a + 1; b < lexemeList.Count; b++)
            {
                var (x, y) = (lexemeList[a], lexemeList[b]);
                if (!pairs.Exists(p => p.Lexemes.Contains(x) && p.Lexemes.Contains(y)))
                {
                    return null;
                }
            }
        }

        var slacks = pairs.Select(p => ScoreRounding + FloatError(p.Lexemes.Count, maxPositions)).ToArray();
        var querySlack = ScoreRounding + FloatError(whole.Count, maxPositions);
        var bounds = new List<double>();
        foreach (var target in query.Targets.Distinct().Select(t => (int)t))
        {
            var rankings = pairs.Select(p => p.Rankings.Single(r => r.Target == target)).ToList();
            // A pair whose every match is kept holds every match of the query: nothing outside the kept matches to bound.
            if (!rankings.Exists(r => r.Stored == r.Matches))
            {
                bounds.Add(ScoreBound(rankings.Select((r, i) => (r.LastScore ?? 0, slacks[i])), querySlack));
            }
        }

        // What decides whether a page can be certified, but for the page itself: the query and targets, and the pairs' rankings.
        var read = pairs.SelectMany(p => p.Rankings.OrderBy(r => r.Target)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {r.Target} {r.Matches} {r.Stored} {r.LastScore:R}")));
        var source = $"{keyOf[groups.Count - 1]}\n{string.Join(',', query.Targets.Order())}\n{maxPositions}\n{string.Join('\n', read)}";
        return new BoundingPairs(pairs.Select(p => p.Key).ToArray(), slacks, querySlack, bounds.Count == 0 ? -1 : bounds.Max(), source);
    }

    /// <summary>How far ts_rank's computed ranking of a query with <paramref name="lexemes"/> distinct lexemes can be from the
    /// real one: per pair of lexemes, at most <paramref name="maxPositions"/>² float steps.</summary>
    private static double FloatError(int lexemes, long maxPositions) =>
        lexemes * (lexemes - 1) / 2d * maxPositions * maxPositions * FloatStepError;

    /// <summary>The highest score a record can have whose score in each pair's ranking is at most the given one: each pair's
    /// real ranking of it is at most that score plus the pair's slack (its rounding and float error), so the query's real
    /// ranking is at most 1 - Π(1 - that), and its computed and rounded one at most that plus <paramref name="querySlack"/>.
    /// With each pair's last kept score, it bounds every record outside the kept matches.</summary>
    internal static double ScoreBound(IEnumerable<(double Score, double Slack)> pairs, double querySlack)
    {
        var outside = 1d;
        foreach (var (score, slack) in pairs)
        {
            outside *= 1 - Math.Min(1, score + slack);
        }

        return 1 - outside + querySlack;
    }

    /// <summary>The ids the pairs' rankings keep whose <see cref="ScoreBound"/> (computed by the server, in logarithms, from their
    /// scores in the rankings that keep them and the last kept score of the others) is above the cut, highest first, at most
    /// <see cref="MaxRankedKeptMatches"/> and one.</summary>
    private static (string Sql, List<object> Parameters) KeptMatchesAboveStatement(SearchQuery query, BoundingPairs pairs)
    {
        var parameters = new List<object>();
        var targets = Parameter(parameters, query.Targets.Select(t => (int)t).ToArray());
        var (keys, slacks) = (Parameter(parameters, pairs.Keys), Parameter(parameters, pairs.Slacks));
        var (slack, above) = (Parameter(parameters, pairs.QuerySlack), Parameter(parameters, pairs.Cut));
        var limit = Parameter(parameters, MaxRankedKeptMatches + 1);
        const string Log = "ln(greatest(1 - least(1, {0}), 1e-300))";
        var lastLog = string.Format(CultureInfo.InvariantCulture, Log, "coalesce(r.\"LastScore\", 0) + p.slack");
        var keptLog = string.Format(CultureInfo.InvariantCulture, Log, "u.\"Score\" + k.slack");
        var sql = $"WITH k AS (SELECT r.\"Target\", p.slack, {lastLog} AS lastlog, " +
            $"r.\"Ids\", r.\"Scores\" FROM {RankedTermsTable} AS r JOIN unnest({keys}, {slacks}) AS p(key, slack) ON r.\"Key\" = p.key " +
            $"WHERE r.\"Target\" = ANY({targets})), " +
            "t AS (SELECT \"Target\", sum(lastlog) AS alllog FROM k GROUP BY \"Target\"), " +
            $"c AS (SELECT k.\"Target\", u.\"Id\", 1 - exp(min(t.alllog) + sum({keptLog} - k.lastlog)) + {slack} AS \"Bound\" " +
            "FROM k JOIN t ON t.\"Target\" = k.\"Target\", unnest(k.\"Ids\", k.\"Scores\") AS u(\"Id\", \"Score\") GROUP BY k.\"Target\", u.\"Id\") " +
            // 1e-12 below the cut keeps a record the server's logarithms put just under it.
            $"SELECT \"Target\", \"Id\", \"Bound\" FROM c WHERE \"Bound\" + 1e-12 > {above} ORDER BY \"Bound\" DESC LIMIT {limit}";
        return (sql, parameters);
    }

    /// <summary>The live match statement (<see cref="MatchStatement"/>) for the given records only: those of them that match the
    /// whole query, with its ts_rank. The match is the function behind <c>@@</c>, which no index serves, so that each record is
    /// looked up by primary key: with <c>@@</c> the planner scanned the GIN index for the whole query (37 ms for 84 records of
    /// "human perpetrators victims" at 1,000,000 paragraphs).</summary>
    private static async Task<List<SearchMatch>> RankKeptAsync(KzRightsDbContext db, SearchQuery query, List<KeptMatch> kept, CancellationToken ct)
    {
        var parameters = new List<object>();
        var tsquery = TsQuery(query.Terms, parameters);
        var targets = Parameter(parameters, kept.Select(m => m.Target).ToArray());
        var ids = Parameter(parameters, kept.Select(m => m.Id).ToArray());
        var excluded = Parameter(parameters, query.ExcludedIds.ToArray());
        var sql = $"SELECT {ScoredColumns} FROM unnest({targets}, {ids}) AS c(\"Target\", \"Id\") " +
            $"JOIN {SearchTable} AS s ON s.\"Target\" = c.\"Target\" AND s.\"Id\" = c.\"Id\", (SELECT {tsquery} AS q) AS query " +
            $"WHERE ts_match_vq(s.\"Vector\", q) AND NOT (s.\"Id\" = ANY({excluded}))";
        return await RankingSql.MatchesAsync(db, sql, [.. parameters], ct);
    }

    /// <summary>The distinct lexemes of a tsquery's text, as PostgreSQL prints it: each in single quotes, a quote or a
    /// backslash in it doubled (<c>'law' &amp; ( 'woman' | 'women' )</c>). Read here rather than by the server: a tsquery has no
    /// function that lists its lexemes.</summary>
    internal static HashSet<string> TsQueryLexemes(string tsquery)
    {
        var lexemes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tsquery.Length; i++)
        {
            if (tsquery[i] != '\'')
            {
                continue;
            }

            var lexeme = new StringBuilder();
            for (i++; i < tsquery.Length; i++)
            {
                var c = tsquery[i];
                if ((c == '\'' || c == '\\') && i + 1 < tsquery.Length && tsquery[i + 1] == c)
                {
                    lexeme.Append(c);
                    i++;
                }
                else if (c == '\'')
                {
                    break;
                }
                else
                {
                    lexeme.Append(c);
                }
            }

            lexemes.Add(lexeme.ToString());
        }

        return lexemes;
    }

    /// <summary>The rankings of the pairs of a query's words (by key), each with the slack of its scores, the slack of the
    /// query's, the highest bound of a record that no pair keeps (-1 when some pair keeps every match), and the text of what
    /// they were read from.</summary>
    private sealed record BoundingPairs(string[] Keys, double[] Slacks, double QuerySlack, double Cut, string Rankings);

    /// <summary>A pair's kept match and its <see cref="ScoreBound"/>.</summary>
    private sealed record KeptMatch(int Target, string Id, double Bound);

    private sealed record PairBoundRow(int Group, string Key, int? Target, int? Matches, int? Stored, double? LastScore, long? MaxPositions);
}
