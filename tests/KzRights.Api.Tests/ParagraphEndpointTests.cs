using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ParagraphEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paging_through_all_paragraphs_returns_every_paragraph_exactly_once(string provider)
    {
        var client = api.Client(provider);
        var total = (await client.GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32();
        var small = await client.GetAllPagesAsync("/v1/paragraphs", 97);
        var large = await client.GetAllPagesAsync("/v1/paragraphs", 500);
        var ids = small.Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, large.Select(p => p.GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_paragraph_id_with_slash_and_parentheses_works_raw_and_percent_encoded(string provider)
    {
        var client = api.Client(provider);
        var raw = await client.GetJsonAsync("/v1/paragraphs/cedaw-c-kaz-rq-6/12(a)/1");
        var encoded = await client.GetJsonAsync("/v1/paragraphs/cedaw-c-kaz-rq-6%2F12%28a%29%2F1");
        Assert.Equal("cedaw-c-kaz-rq-6/12(a)/1", raw.GetProperty("id").GetString());
        Assert.Equal(raw.GetRawText(), encoded.GetRawText());
        Assert.Equal("12 (a)", raw.GetProperty("number").GetString());
        Assert.Equal("12 (а)", raw.GetProperty("rawNumber").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_paragraph_carries_sub_items_footnotes_and_the_recommendations_it_states(string provider)
    {
        var p = await api.Client(provider).GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/8");
        Assert.Equal(
            ["Principal matters of concern and recommendations", "National human rights institution"],
            p.GetProperty("sectionPath").EnumerateArray().Select(s => s.GetString()));
        var footnote = Assert.Single(p.GetProperty("footnotes").EnumerateArray());
        Assert.Equal("4", footnote.GetProperty("marker").GetString());
        Assert.Equal("CCPR/C/KAZ/CO/2", footnote.GetProperty("citations")[0].GetProperty("symbol").GetString());
        Assert.Contains(
            p.GetProperty("recommendations").EnumerateArray(),
            r => r.GetProperty("recommendationId").GetString() == "ccpr-3/8" && r.GetProperty("relation").GetString() == "states");
        Assert.DoesNotContain("**", p.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_russian_paragraph_links_to_its_english_translation_both_ways(string provider)
    {
        var client = api.Client(provider);
        var russian = (await client.GetAllPagesAsync("/v1/paragraphs?document=al-kaz-4-2025-reply&lang=ru", 500))
            .First(p => p.GetProperty("translations").GetArrayLength() > 0);
        var translation = russian.GetProperty("translations")[0];
        Assert.Equal("en", translation.GetProperty("language").GetString());
        var english = await client.GetJsonAsync("/v1/paragraphs/" + translation.GetProperty("paragraphId").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Contains(
            english.GetProperty("translations").EnumerateArray(),
            t => t.GetProperty("paragraphId").GetString() == russian.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Filters_combine_and_each_narrows_the_result(string provider)
    {
        var client = api.Client(provider);
        var all = (await client.GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("total").GetInt32();
        var byDocument = await client.GetAllPagesAsync("/v1/paragraphs?document=al-kaz-4-2025-reply", 500);
        var russian = await client.GetAllPagesAsync("/v1/paragraphs?document=al-kaz-4-2025-reply&lang=ru", 500);
        var section = await client.GetAllPagesAsync("/v1/paragraphs?section=ccpr-c-kaz-co-3/c", 500);
        Assert.True(byDocument.Count < all);
        Assert.True(russian.Count is > 0 && russian.Count < byDocument.Count);
        Assert.All(russian, p => Assert.Equal(("al-kaz-4-2025-reply", "ru"), (p.GetProperty("documentId").GetString(), p.GetProperty("language").GetString())));
        Assert.All(section, p => Assert.StartsWith("ccpr-c-kaz-co-3/c/", p.GetProperty("sectionId").GetString() + "/", StringComparison.Ordinal));
        Assert.Contains(section, p => p.GetProperty("number").GetString() == "20");

        var quota = await client.GetAllPagesAsync("/v1/paragraphs?document=al-kaz-4-2025-reply&lang=en&q=quota", 500);
        Assert.NotEmpty(quota);
        Assert.All(quota, p => Assert.Contains("quota", p.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_q_filter_lists_each_paragraph_search_finds_once_with_the_right_total(string provider)
    {
        // A common word (hundreds of matches, several pages), a rare Russian form and a two-word query: the filter is a
        // subquery of the page's statement, so its pages, order and total come from the database alone.
        var client = api.Client(provider);
        foreach (var q in new[] { "women", "%D0%BA%D0%B2%D0%BE%D1%82%D0%BE%D0%B9", "death%20penalty" })
        {
            var listed = await client.GetAllPagesAsync($"/v1/paragraphs?q={q}", 37);
            var found = await client.GetAllPagesAsync($"/v1/search?type=paragraph&q={q}", 500);
            var total = (await client.GetJsonAsync($"/v1/paragraphs?q={q}&limit=1")).GetProperty("total").GetInt32();
            Assert.NotEmpty(listed);
            Assert.Equal(listed.Count, total);
            Assert.Equal(
                found.Select(h => h.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
                listed.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(listed.Count, listed.Select(p => p.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Search_finds_a_paragraph_by_words_on_both_sides_of_a_page_break(string provider)
    {
        // Paragraph 4 of the concluding observations is split by a page break: "…the Optional Protocol to" /
        // "the Convention on the Rights of the Child on a communications procedure…".
        var hits = await api.Client(provider).GetAllPagesAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&q=ratification%20communications%20procedure", 50);
        Assert.Contains(hits, p => p.GetProperty("id").GetString() == "ccpr-c-kaz-co-3/4");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_paragraph_answers_404_and_an_unknown_document_filter_answers_400(string provider)
    {
        var client = api.Client(provider);
        var problem = await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/999", 404);
        Assert.Equal("Paragraph not found", problem.GetProperty("title").GetString());
        var bad = await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-33", 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("document", out _));
    }
}
