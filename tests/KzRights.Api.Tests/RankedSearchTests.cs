using System.Text.Json;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data;
using KzRights.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>PostgreSQL ranks frequent words at ingest (<see cref="PostgresProvider.PrecomputeSearchRankingsAsync(KzRightsDbContext, int,
/// int, CancellationToken)"/>). The real corpus has no word in 5,000 records, so these hosts lower the threshold; their answers are
/// compared with those of the shared PostgreSQL host, which ranks every search live.</summary>
[Collection(ApiCollection.Name)]
public sealed class RankedSearchTests(ApiFixture api)
{
    // Each is in more than 40 records; "women" also stands for "woman".
    private static readonly string[] FrequentWords = ["women", "rights", "torture", "children", "discrimination"];

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

        // A rare word and two words are ranked live.
        foreach (var query in new[] { "квотой", "death%20penalty" })
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

    private static bool RanksLive(string sql) => sql.Contains(PostgresProvider.SearchTable, StringComparison.Ordinal);

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
}
