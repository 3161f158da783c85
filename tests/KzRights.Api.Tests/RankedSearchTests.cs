using System.Text.Json;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data;
using KzRights.Data.Providers;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>PostgreSQL ranks frequent words at ingest (<see cref="PostgresProvider.PrecomputeSearchRankingsAsync(KzRightsDbContext, int,
/// int, CancellationToken)"/>). The real corpus has no word in 5,000 records, so these hosts lower the threshold; their answers are
/// compared with those of the shared PostgreSQL host, which ranks every search live.</summary>
[Collection(ApiCollection.Name)]
public sealed class RankedSearchTests(ApiFixture api)
{
    // Each is in more than 40 records; "women" also stands for "woman". "committee" (78 records) and "increase" (110) stem to
    // lexemes that are not their own stems (committe → committ): their rankings must be keyed by what a search for them builds.
    private static readonly string[] FrequentWords = ["women", "rights", "torture", "children", "discrimination", "committee", "increase"];

    private static readonly string[] Types = [string.Empty, "&type=paragraph", "&type=recommendation"];

    [PostgresFact]
    public async Task A_frequent_word_is_read_from_its_ranking_with_the_same_hits_and_total_as_the_live_ranking()
    {
        var counter = new CommandCounter();
        await using var database = new ApiFactory("postgres", settings: new Dictionary<string, string?> { ["Ingest:RankedSearchMinMatches"] = "40" });
        await using var ranked = database.WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = ranked.CreateClient();
        var live = api.Client("postgres");

        foreach (var word in FrequentWords)
        {
            foreach (var type in Types)
            {
                counter.Reset();
                foreach (var limit in new[] { 7, 500 })
                {
                    await AssertSameHitsAsync(live, client, $"/v1/search?q={word}{type}", limit);
                }

                Assert.DoesNotContain(counter.Texts, RanksLive);
            }
        }

        // Two words at most 3 positions apart in 40 records or more are a phrase ranked ahead, typed as a phrase, with a stop word
        // in it or in the other order.
        foreach (var phrase in new[]
        {
            "human%20rights", "civil%20society", "state%20party", "the%20human%20rights", "rights%20human", "persons%20with%20disabilities",
            "rights%20of%20women",
        })
        {
            counter.Reset();
            foreach (var limit in new[] { 7, 500 })
            {
                await AssertSameHitsAsync(live, client, $"/v1/search?q={phrase}", limit);
            }

            Assert.DoesNotContain(counter.Texts, RanksLive);
        }

        // Two words in the same 80 records or more, however far apart, are ranked ahead too: "law" and "rights" are in 100 records
        // together, 3 of them at most 3 positions apart; "Kazakhstan" and "rights" in 112 (8).
        foreach (var pair in new[] { "law%20rights", "rights%20in%20law", "kazakhstan%20rights" })
        {
            counter.Reset();
            foreach (var limit in new[] { 7, 500 })
            {
                await AssertSameHitsAsync(live, client, $"/v1/search?q={pair}", limit);
            }

            Assert.DoesNotContain(counter.Texts, RanksLive);
        }

        // A rare word, a phrase in fewer records (20), two frequent words in fewer records together ("gender women" in 73, "court
        // women" in 13) and three words are ranked live.
        foreach (var query in new[] { "квотой", "death%20penalty", "gender%20women", "court%20women", "law%20rights%20women" })
        {
            counter.Reset();
            await AssertSameHitsAsync(live, client, $"/v1/search?q={query}", 20);
            Assert.Contains(counter.Texts, RanksLive);
        }
    }

    [PostgresFact]
    public async Task A_ranking_cut_short_answers_the_pages_past_its_end_from_the_live_ranking()
    {
        var counter = new CommandCounter();
        await using var database = new ApiFactory("postgres");
        await using var ranked = database.WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = ranked.CreateClient();
        var live = api.Client("postgres");
        await using (var scope = ranked.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
            await new PostgresProvider().PrecomputeSearchRankingsAsync(db, minMatches: 40, depth: 10, CancellationToken.None);
            var kept = await db.Database.SqlQueryRaw<int>(
                $"SELECT max(\"Stored\") AS \"Value\" FROM {PostgresProvider.RankedTermsTable}").SingleAsync();
            Assert.Equal(10, kept);
        }

        // Pages of 3 and 7 run past the 10 kept matches; a page of 20 never fits in them.
        foreach (var word in FrequentWords)
        {
            foreach (var type in Types)
            {
                foreach (var limit in new[] { 3, 7, 20 })
                {
                    await AssertSameHitsAsync(live, client, $"/v1/search?q={word}{type}", limit);
                }
            }
        }

        counter.Reset();
        var first = await client.GetJsonAsync("/v1/search?q=women&limit=3");
        Assert.DoesNotContain(counter.Texts, RanksLive);
        counter.Reset();
        await client.GetJsonAsync($"/v1/search?q=women&limit=3&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");
        Assert.DoesNotContain(counter.Texts, RanksLive);
        counter.Reset();
        await client.GetJsonAsync("/v1/search?q=women&limit=20");
        Assert.Contains(counter.Texts, RanksLive);
    }

    [PostgresFact]
    public async Task Each_form_of_a_frequent_russian_stem_is_read_from_a_ranking_of_its_own_with_the_live_rankings_hits()
    {
        var counter = new CommandCounter();
        await using var database = new ApiFactory("postgres");
        await using var ranked = database.WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = ranked.CreateClient();
        var live = api.Client("postgres");
        // The stem прав is in 22 records (the ministry's review and the communication reply are in Russian); a search for "права"
        // builds 'права' | 'прав', which the stem's own ranking does not serve.
        await RankAheadAsync(ranked.Services, minMatches: 20, depth: PostgresProvider.RankedDepth);

        foreach (var word in new[] { "права", "правам", "прав", "Права" })
        {
            counter.Reset();
            foreach (var limit in new[] { 3, 500 })
            {
                await AssertSameHitsAsync(live, client, $"/v1/search?q={Uri.EscapeDataString(word)}", limit);
            }

            Assert.DoesNotContain(counter.Texts, RanksLive);
        }
    }

    [PostgresFact]
    public async Task Frequent_groups_of_words_nearby_or_in_the_same_records_are_found_in_a_sample_of_the_records_as_in_all_of_them()
    {
        await using var scope = api.Factory("postgres").Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        // At most 3 positions apart: "human right" in 168 records, "parti state" in 77, "disabl person" in 65 (adjacent in 4:
        // "persons with disabilities"), "right women" in 50 (adjacent in 1), "civil societi" in 46, "death penalti" in 20.
        // In the same records (at least twice the threshold): "human right" 174, "kazakhstan right" 112 (8 of them nearby), "law right"
        // 100 (3), "right state" 81 (3); "gender women" 73 (4), "includ state" 73 (2), "court women" 13.
        var all = await PostgresProvider.FrequentWordGroupsAsync(db, minMatches: 40, samplePercent: 100, CancellationToken.None);
        Assert.Equal("human right", all[0]);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("parti state", all);
        Assert.Contains("disabl person", all);
        Assert.Contains("right women", all);
        Assert.Contains("civil societi", all);
        Assert.Contains("kazakhstan right", all);
        Assert.Contains("law right", all);
        Assert.Contains("right state", all);
        Assert.DoesNotContain("death penalti", all);
        Assert.DoesNotContain("gender women", all);
        Assert.DoesNotContain("includ state", all);
        Assert.DoesNotContain("court women", all);

        // Half the records, each pair's count scaled: the clear cases are decided the same way.
        var sampled = await PostgresProvider.FrequentWordGroupsAsync(db, minMatches: 100, samplePercent: 50, CancellationToken.None);
        Assert.Contains("human right", sampled);
        Assert.DoesNotContain("civil societi", sampled);
        Assert.DoesNotContain("death penalti", sampled);
        Assert.DoesNotContain("law right", sampled);

        // Three words within 4 positions: "commission human right" in 36 records, "government non organ" in 32, "human intern right"
        // in 30, "human nation right" in 28; "human instrument right" in 23 and "base gender violenc" in 22 are below 25. Three words
        // in the same records (at least twice the threshold), each two of them in 50 or more: "human kazakhstan right" in 56,
        // "human intern right" in 53, "ensur parti state" in 52, "committe parti state" and "human law right" in 51, "includ parti
        // state" in 50; "human nation right" in 49 and "law right state" in 31 are below. They come after the pairs, the most
        // frequent first, each once.
        var lower = await PostgresProvider.FrequentWordGroupsAsync(db, minMatches: 25, samplePercent: 100, CancellationToken.None);
        var triples = lower.Where(g => g.Count(c => c == ' ') == 2).ToList();
        Assert.Equal(
            [
                "human kazakhstan right", "human intern right", "ensur parti state", "committe parti state", "human law right", "includ parti state",
                "commission human right", "government non organ", "human nation right",
            ],
            triples);
        Assert.Equal(lower.Count - triples.Count, lower.IndexOf(triples[0]));
        Assert.DoesNotContain(all, g => g.Count(c => c == ' ') == 2);
    }

    [PostgresFact]
    public async Task Three_words_often_near_each_other_or_in_the_same_records_are_read_from_their_ranking_and_other_three_word_searches_are_ranked_live()
    {
        var counter = new CommandCounter();
        await using var database = new ApiFactory("postgres", settings: new Dictionary<string, string?> { ["Ingest:RankedSearchMinMatches"] = "25" });
        await using var ranked = database.WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = ranked.CreateClient();
        var live = api.Client("postgres");

        // "Commissioner for Human Rights" in 30 records: its lexeme commission is not its own stem (a search for "commission" builds
        // commiss), so the ranking must be keyed by what a search for "commissioner" builds.
        // In 50 records or more, however far apart: "human kazakhstan rights" in 56, "ensure state party" in 52, "committee state party" (whose
        // lexeme committe is not its own stem either) in 51.
        string[] phrases =
        [
            "national%20human%20rights", "international%20human%20rights", "commissioner%20for%20human%20rights", "human%20rights%20commissioner",
            "human%20kazakhstan%20rights", "ensure%20state%20party", "committee%20state%20party",
        ];
        foreach (var phrase in phrases)
        {
            counter.Reset();
            foreach (var limit in new[] { 7, 500 })
            {
                await AssertSameHitsAsync(live, client, $"/v1/search?q={phrase}", limit);
            }

            Assert.DoesNotContain(counter.Texts, RanksLive);
        }

        // In 23 records within 4 positions (and together in 23); three words together in 16 records and seldom near each other.
        foreach (var query in new[] { "human%20rights%20instruments", "law%20rights%20women" })
        {
            counter.Reset();
            await AssertSameHitsAsync(live, client, $"/v1/search?q={query}", 20);
            Assert.Contains(counter.Texts, RanksLive);
        }
    }

    [PostgresFact]
    public async Task Three_words_whose_every_pair_is_ranked_ahead_are_ranked_from_the_pairs_kept_matches_with_the_live_rankings_hits()
    {
        var counter = new CommandCounter();
        await using var database = new ApiFactory("postgres");
        await using var ranked = database.WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = ranked.CreateClient();
        var live = api.Client("postgres");

        // Every two of these words are in 50 records or more together (ranked ahead from 25), the three in 31, 31, 28 and 45: neither
        // near each other nor together often enough to be ranked ahead themselves.
        string[] groups = ["kazakhstan%20national%20rights", "law%20rights%20state", "kazakhstan%20rights%20women", "ensure%20rights%20state"];

        // Ten matches kept per pair: a page is certain only when it ends above what a record outside them can score, which the
        // first page of three of the first group does and a page of twenty does not.
        await RankAheadAsync(ranked.Services, minMatches: 25, depth: 10);
        foreach (var query in groups)
        {
            foreach (var limit in new[] { 3, 7, 20 })
            {
                await AssertSameHitsAsync(live, client, $"/v1/search?q={query}", limit);
            }
        }

        counter.Reset();
        await client.GetJsonAsync($"/v1/search?q={groups[0]}&limit=3");
        Assert.DoesNotContain(counter.Texts, RanksLive);
        Assert.Contains(counter.Texts, RanksKeptMatches);
        // The loop above asked for this page: its failed attempt is remembered, and it is ranked live without another.
        counter.Reset();
        await client.GetJsonAsync($"/v1/search?q={groups[0]}&limit=20");
        Assert.Contains(counter.Texts, RanksLive);
        Assert.DoesNotContain(counter.Texts, RanksKeptMatches);

        // Every match kept (each pair is in fewer than 1,000 records): every page is ranked from them, the last one too.
        await RankAheadAsync(ranked.Services, minMatches: 25, depth: PostgresProvider.RankedDepth);
        foreach (var query in groups)
        {
            counter.Reset();
            await AssertSameHitsAsync(live, client, $"/v1/search?q={query}", 7);
            Assert.DoesNotContain(counter.Texts, RanksLive);
            Assert.Contains(counter.Texts, RanksKeptMatches);
        }

        // A stop word is no word of the group; a fourth word whose pairs are not all ranked ahead sends the search live.
        foreach (var (query, ranksLive) in new[] { ("the%20kazakhstan%20national%20rights", false), ("kazakhstan%20national%20rights%20torture", true) })
        {
            counter.Reset();
            await AssertSameHitsAsync(live, client, $"/v1/search?q={query}", 7);
            Assert.Equal(ranksLive, counter.Texts.Any(RanksLive));
        }
    }

    /// <summary>What <see cref="PostgresProvider.PrecomputeSearchRankingsAsync(KzRightsDbContext, int, int, CancellationToken)"/>
    /// bounds three words' ranking by rests on: ts_rank of an AND multiplies one factor per pair of lexemes, so three words
    /// of one form each rank as 1 - Π(1 - their pairs' rankings), within float error, and "women" (two forms, whose own pair
    /// two of the pairs count) at most that.</summary>
    [PostgresFact]
    public async Task Three_words_rank_every_record_they_match_as_their_three_pairs_rankings_combined_or_below_that()
    {
        await using var scope = api.Factory("postgres").Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        foreach (var (words, equal) in new[] { (new[] { "human", "kazakhstan", "rights" }, true), (["law", "rights", "state"], true),
            (["kazakhstan", "rights", "women"], false), (["children", "rights", "women"], false) })
        {
            var parameters = new List<object>();
            string Rank(params string[] group) => $"ts_rank(s.\"Vector\", {PostgresProvider.TsQuery(SearchTerms.Parse(string.Join(' ', group)), parameters)})";
            var (a, b, c) = (words[0], words[1], words[2]);
            var combined = $"1 - (1 - {Rank(a, b)}) * (1 - {Rank(a, c)}) * (1 - {Rank(b, c)})";
            var sql = $"SELECT count(*)::int AS \"Records\", max({Rank(words)} - ({combined}))::float8 AS \"Above\", " +
                $"min({Rank(words)} - ({combined}))::float8 AS \"Below\" FROM {PostgresProvider.SearchTable} AS s " +
                $"WHERE s.\"Vector\" @@ ({PostgresProvider.TsQuery(SearchTerms.Parse(string.Join(' ', words)), parameters)})";
            var row = await db.Database.SqlQueryRaw<CombinedRanks>(sql, [.. parameters]).SingleAsync();
            Assert.True(row.Records >= 10, $"{string.Join(' ', words)}: {row.Records} records");
            Assert.True(row.Above <= 1e-6, $"{string.Join(' ', words)}: a record ranks {row.Above} above its pairs combined");
            if (equal)
            {
                Assert.True(row.Below >= -1e-6, $"{string.Join(' ', words)}: a record ranks {row.Below} below its pairs combined");
            }
        }

        // The statistic the bound's float error is reckoned from, as the ingest stored it: "percent", 13 times in one paragraph.
        var stored = await db.Database.SqlQueryRaw<long>(
            $"SELECT \"Value\" FROM {PostgresProvider.StatisticsTable} WHERE \"Name\" = {{0}}", PostgresProvider.MaxPositionsPerLexeme).SingleAsync();
        Assert.Equal(13, stored);
    }

    [Fact]
    public void A_tsquerys_lexemes_are_read_from_its_text_each_once_with_quotes_and_backslashes_undoubled()
    {
        Assert.Equal(["law", "woman", "women"], PostgresProvider.TsQueryLexemes("'law' & ( 'woman' | 'women' )").Order(StringComparer.Ordinal));
        Assert.Equal(["a\\b", "it's"], PostgresProvider.TsQueryLexemes("'it''s' & 'a\\\\b' & 'it''s'").Order(StringComparer.Ordinal));
        Assert.Empty(PostgresProvider.TsQueryLexemes(string.Empty));
    }

    [Fact]
    public void A_records_bound_combines_its_pairs_scores_and_adds_each_slack()
    {
        Assert.Equal(0.75, PostgresProvider.ScoreBound([(0.5, 0), (0.5, 0)], 0), 12);
        Assert.Equal(0.76, PostgresProvider.ScoreBound([(0.4, 0.1), (0.5, 0)], 0.01), 12);
        // A pair that may score 1 makes the bound 1 and more: no page ends above it.
        Assert.Equal(1.001, PostgresProvider.ScoreBound([(0.9999, 0.001), (0.2, 0)], 0.001), 12);
    }

    [PostgresFact]
    public async Task A_latin_word_is_one_operand_of_its_tsquery_and_every_record_matches_and_scores_as_when_it_was_named_twice()
    {
        await using var scope = api.Factory("postgres").Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        Assert.Equal("'court' & ( 'woman' | 'women' )", await TsQueryTextAsync(db, "women court"));
        Assert.Equal("'квотой' | 'квот'", await TsQueryTextAsync(db, "квотой"));

        foreach (var query in new[] { "court women", "women", "human rights", "death penalty", "квотой", "the" })
        {
            var parameters = new List<object>();
            var deduplicated = PostgresProvider.TsQuery(SearchTerms.Parse(query), parameters);
            // The tsquery as built before: both configurations' lexemes of every form, repeated or not.
            var doubled = string.Join(" && ", SearchTerms.Parse(query).Tokens.Select(token => "(" + string.Join(" || ", SearchTerms.Forms(token).Select(form =>
            {
                parameters.Add(form);
                var p = "{" + (parameters.Count - 1) + "}";
                return $"plainto_tsquery('english', {p}) || plainto_tsquery('russian', {p})";
            })) + ")"));
            var sql = $"SELECT count(*)::int AS \"Value\" FROM {PostgresProvider.SearchTable} AS s, (SELECT {deduplicated} AS a, {doubled} AS b) AS q " +
                "WHERE (s.\"Vector\" @@ q.a OR s.\"Vector\" @@ q.b)";
            var matches = await db.Database.SqlQueryRaw<int>(sql, [.. parameters]).SingleAsync();
            var differing = sql + " AND ((s.\"Vector\" @@ q.a) <> (s.\"Vector\" @@ q.b) OR ts_rank(s.\"Vector\", q.a) <> ts_rank(s.\"Vector\", q.b))";
            var differ = await db.Database.SqlQueryRaw<int>(differing, [.. parameters]).SingleAsync();
            Assert.True(query == "the" ? matches == 0 : matches > 0, $"{query}: {matches} matches");
            Assert.Equal(0, differ);
        }
    }

    /// <summary>The text of the tsquery a search for <paramref name="query"/> builds (the key of its stored ranking).</summary>
    internal static async Task<string> TsQueryTextAsync(KzRightsDbContext db, string query)
    {
        var parameters = new List<object>();
        var sql = $"SELECT ({PostgresProvider.TsQuery(SearchTerms.Parse(query), parameters)})::text AS \"Value\"";
        return await db.Database.SqlQueryRaw<string>(sql, [.. parameters]).SingleAsync();
    }

    /// <summary>A page ranked over every record matching the query, through the GIN index.</summary>
    /// <summary>Ranks ahead in <paramref name="services"/>' database as the ingest does, from a lower threshold.</summary>
    private static async Task RankAheadAsync(IServiceProvider services, int minMatches, int depth)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        await new PostgresProvider().PrecomputeSearchRankingsAsync(db, minMatches, depth, CancellationToken.None);
    }

    private static bool RanksLive(string sql) =>
        sql.Contains(PostgresProvider.SearchTable, StringComparison.Ordinal) && sql.Contains("@@", StringComparison.Ordinal)
        && sql.Contains("ORDER BY", StringComparison.Ordinal);

    /// <summary>Records kept by the rankings of a query's pairs of words, ranked one by one.</summary>
    private static bool RanksKeptMatches(string sql) => sql.Contains("ts_match_vq", StringComparison.Ordinal);

    /// <summary>Every page of both hosts: the same total, and the same hits (type, id, score, snippet) in the same order.</summary>
    private static async Task AssertSameHitsAsync(HttpClient expected, HttpClient actual, string url, int limit)
    {
        var total = (await expected.GetJsonAsync(url)).GetProperty("total").GetInt32();
        Assert.True(total > 0, $"{url} finds nothing");
        Assert.Equal(total, (await actual.GetJsonAsync(url)).GetProperty("total").GetInt32());
        var want = (await expected.GetAllPagesAsync(url, limit)).Select(Hit).ToList();
        var got = (await actual.GetAllPagesAsync(url, limit)).Select(Hit).ToList();
        Assert.Equal(total, want.Count);
        Assert.Equal(want, got);
    }

    private static string Hit(JsonElement hit) =>
        string.Join('|', hit.GetProperty("type").GetString(), hit.GetProperty("id").GetString(),
            hit.GetProperty("score").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture), hit.GetProperty("snippet").GetString());

    private sealed record CombinedRanks(int Records, double Above, double Below);
}
