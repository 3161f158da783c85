using System.Net;
using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class EntityEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_law_on_womens_rights_and_child_safety_is_one_entity_mentioned_in_several_documents(string provider)
    {
        var client = api.Client(provider);
        var law = await client.GetJsonAsync("/v1/entities/law/2024-04-15-womens-rights-and-child-safety");
        Assert.Equal("law", law.GetProperty("kind").GetString());
        var documents = law.GetProperty("documentIds").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.True(documents.Count >= 2, string.Join(", ", documents));
        var mentions = law.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(law.GetProperty("mentionCount").GetInt32(), mentions.Count);
        Assert.Equal(documents.Order(), mentions.Select(m => m.GetProperty("documentId").GetString()).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_mention_quote_is_at_its_offsets_in_the_served_paragraph(string provider)
    {
        var client = api.Client(provider);
        var paragraphs = await client.GetAllPagesAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3", 500);
        var texts = paragraphs
            .SelectMany(p => p.GetProperty("subItems").EnumerateArray()
                .Select(s => (Id: s.GetProperty("id").GetString()!, Text: s.GetProperty("text").GetString()!))
                .Prepend((Id: p.GetProperty("id").GetString()!, Text: p.GetProperty("text").GetString()!)))
            .ToDictionary(x => x.Id, x => x.Text);
        var mentions = paragraphs.SelectMany(p => p.GetProperty("entities").EnumerateArray()).ToList();
        Assert.NotEmpty(mentions);
        foreach (var m in mentions)
        {
            var text = texts[m.GetProperty("subItemId").GetString() ?? m.GetProperty("paragraphId").GetString()!];
            Assert.Equal(m.GetProperty("quote").GetString(), text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Entity_filters_combine_and_each_result_satisfies_them(string provider)
    {
        var client = api.Client(provider);
        var all = (await client.GetJsonAsync("/v1/entities?limit=1")).GetProperty("total").GetInt32();
        var treaties = await client.GetAllPagesAsync("/v1/entities?kind=treaty&document=ccpr-c-kaz-co-3", 500);
        Assert.True(treaties.Count is > 0 && treaties.Count < all);
        Assert.All(treaties, e =>
        {
            Assert.Equal("treaty", e.GetProperty("kind").GetString());
            Assert.Contains("ccpr-c-kaz-co-3", e.GetProperty("documentIds").EnumerateArray().Select(d => d.GetString()));
        });

        var deathPenalty = await client.GetAllPagesAsync("/v1/entities?q=death%20penalty", 500);
        Assert.Contains(deathPenalty, e => e.GetProperty("id").GetString() == "event/death-penalty-abolition");
        Assert.All(deathPenalty, e => Assert.Contains("death", JsonSerializer.Serialize(e).ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Mentions_that_state_different_dates_are_flagged_with_both_quotes(string provider)
    {
        var client = api.Client(provider);
        var quota = await client.GetJsonAsync("/v1/entities/event/majilis-quota-persons-with-disabilities");
        var disagreement = quota.GetProperty("disagreements").EnumerateArray()
            .First(d => d.GetProperty("acrossDocuments").GetBoolean());
        Assert.NotEqual(disagreement.GetProperty("firstValue").GetString(), disagreement.GetProperty("secondValue").GetString());
        var quotes = quota.GetProperty("mentions").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("quote").GetString());
        Assert.Equal(quotes[disagreement.GetProperty("firstMentionId").GetString()!], disagreement.GetProperty("firstQuote").GetString());
        Assert.Equal(quotes[disagreement.GetProperty("secondMentionId").GetString()!], disagreement.GetProperty("secondQuote").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_kind_or_document_is_a_400_and_an_unknown_entity_a_404(string provider)
    {
        var client = api.Client(provider);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/entities?kind=statute")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/entities?document=no-such-document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/entities/law/no-such-law")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_measure_filter_keeps_one_measure_and_an_unknown_measure_is_a_400(string provider)
    {
        var client = api.Client(provider);
        var judges = await client.GetAllPagesAsync("/v1/indicators?measure=women-share/judges", 500);
        Assert.True(judges.Count >= 2);
        Assert.All(judges, i => Assert.Equal("women-share/judges", i.GetProperty("measure").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/indicators?measure=judges")).StatusCode);

        var facts = await client.GetAllPagesAsync("/v1/facts?conflicting=true", 500);
        Assert.All(facts, f =>
        {
            Assert.Contains(f.GetProperty("conflictScope").GetString(), new[] { "across-documents", "within-document" });
            Assert.All(
                f.GetProperty("attestations").EnumerateArray(),
                a => Assert.Equal(f.GetProperty("measure").GetString(), a.GetProperty("measure").GetString()));
        });
    }
}
