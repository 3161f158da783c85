using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SearchEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Search_ranks_paragraphs_and_recommendations_and_highlights_the_query_words(string provider)
    {
        var page = await api.Client(provider).GetJsonAsync("/v1/search?q=death%20penalty&limit=20");
        var hits = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.GetProperty("type").GetString() == "paragraph");
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        foreach (var hit in hits)
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var words = hit.GetProperty("highlights").EnumerateArray()
                .Select(h => snippet.Substring(h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32()).ToLowerInvariant())
                .ToList();
            Assert.Contains(words, w => w.StartsWith("death", StringComparison.Ordinal) || w.StartsWith("penalt", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Search_finds_ccpr_recommendations_by_their_text(string provider)
    {
        var page = await api.Client(provider).GetJsonAsync("/v1/search?q=anti-discrimination%20legislation&type=recommendation");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetString() == "ccpr-3/12");
        Assert.All(page.GetProperty("items").EnumerateArray(), h => Assert.Equal("recommendation", h.GetProperty("type").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Quotes_operators_and_sql_in_the_query_are_plain_text_and_still_find(string provider)
    {
        var client = api.Client(provider);
        var plain = await client.GetJsonAsync("/v1/search?q=torture");
        Assert.True(plain.GetProperty("total").GetInt32() > 0);
        // Each input's only word is "torture": the rest is FTS or SQL syntax that must be inert.
        foreach (var hostile in new[] {
            "\"torture",
            "torture\"",
            "\"torture\"*",
            "torture*",
            "torture';--",
            "torture -",
            ":torture",
            "(torture)",
            "^torture",
            "{torture}",
            "torture)",
            "'torture'" })
        {
            var page = await client.GetJsonAsync("/v1/search?q=" + Uri.EscapeDataString(hostile));
            Assert.True(page.GetProperty("total").GetInt32() > 0, $"'{hostile}' should still find torture");
        }

        await client.GetJsonAsync("/v1/search?q=" + Uri.EscapeDataString("x'; DROP TABLE paragraphs; --"));
        await client.GetJsonAsync("/v1/search?q=" + Uri.EscapeDataString("torture NEAR(abuse) OR \"x"));
        var after = await client.GetJsonAsync("/v1/search?q=torture");
        Assert.Equal(plain.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paging_through_search_results_returns_each_hit_once_in_rank_order(string provider)
    {
        var client = api.Client(provider);
        var total = (await client.GetJsonAsync("/v1/search?q=women")).GetProperty("total").GetInt32();
        var hits = await client.GetAllPagesAsync("/v1/search?q=women", 7);
        Assert.Equal(total, hits.Count);
        Assert.Equal(hits.Count, hits.Select(h => h.GetProperty("type").GetString() + h.GetProperty("id").GetString()).Distinct().Count());
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_search_without_words_is_rejected(string provider)
    {
        var client = api.Client(provider);
        foreach (var url in new[] { "/v1/search", "/v1/search?q=", "/v1/search?q=%22%22%20--", "/v1/search?q=x&type=footnote" })
        {
            var problem = await client.GetJsonAsync(url, 400);
            Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_form_of_a_word_finds_the_same_paragraphs_in_english_and_russian(string provider)
    {
        var client = api.Client(provider);
        string[][] groups = [["woman", "women"], ["child", "children"], ["квота", "квоты", "квоту", "квотой"]];
        foreach (var group in groups)
        {
            var found = new List<string[]>();
            foreach (var form in group)
            {
                var hits = await client.GetAllPagesAsync("/v1/search?type=paragraph&q=" + Uri.EscapeDataString(form), 500);
                found.Add(hits.Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray());
            }

            Assert.NotEmpty(found[0]);
            Assert.All(found, ids => Assert.Equal(found[0], ids));
        }

        // The four paragraphs that print only "woman" are among those "women" finds, with "woman" highlighted.
        var women = await client.GetAllPagesAsync("/v1/search?type=paragraph&q=women", 500);
        var onlyWoman = women.Where(h => h.GetProperty("snippet").GetString()!.Contains("woman", StringComparison.OrdinalIgnoreCase)
            && !h.GetProperty("snippet").GetString()!.Contains("women", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(onlyWoman);
        Assert.All(onlyWoman, h => Assert.NotEmpty(h.GetProperty("highlights").EnumerateArray()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_query_naming_a_locator_puts_that_record_first(string provider)
    {
        var client = api.Client(provider);
        foreach (var (query, type, id) in new[]
        {
            ("CCPR/C/KAZ/CO/3 para 20", "paragraph", "ccpr-c-kaz-co-3/20"),
            ("ccpr/c/kaz/co/3, paragraph 20", "paragraph", "ccpr-c-kaz-co-3/20"),
            ("139.30", "recommendation", "upr-3/139.30"),
            ("12 (a)", "recommendation", "cedaw-loi-6/12(a)"),
            ("12(a)", "recommendation", "cedaw-loi-6/12(a)"),
        })
        {
            var page = await client.GetJsonAsync("/v1/search?q=" + Uri.EscapeDataString(query));
            var first = page.GetProperty("items")[0];
            Assert.Equal((type, id), (first.GetProperty("type").GetString(), first.GetProperty("id").GetString()));
        }

        // Paging past the named records continues with the full-text matches, each hit once.
        var all = await client.GetAllPagesAsync("/v1/search?q=20", 3);
        Assert.Equal(all.Count, all.Select(h => h.GetProperty("type").GetString() + h.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal((await client.GetJsonAsync("/v1/search?q=20")).GetProperty("total").GetInt32(), all.Count);
        Assert.Equal(("recommendation", "20"), (all[0].GetProperty("type").GetString(), all[0].GetProperty("number").GetString()));
    }
}
