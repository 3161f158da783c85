using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RecommendationEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Each_mechanism_filter_returns_only_that_mechanism_and_together_they_cover_the_list(string provider)
    {
        var client = api.Client(provider);
        var all = await client.GetAllPagesAsync("/v1/recommendations", 500);
        var sum = 0;
        foreach (var mechanism in new[] { "upr", "ccpr", "cedaw", "special-procedures" })
        {
            var items = await client.GetAllPagesAsync($"/v1/recommendations?mechanism={mechanism}", 100);
            Assert.NotEmpty(items);
            Assert.All(items, r => Assert.Equal(mechanism, r.GetProperty("mechanism").GetString()));
            sum += items.Count;
        }

        Assert.Equal(all.Count, sum);
        Assert.Equal(all.Count, all.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Follow_up_filter_returns_the_three_ccpr_follow_up_recommendations_with_their_deadline(string provider)
    {
        var items = await api.Client(provider).GetAllPagesAsync("/v1/recommendations?mechanism=ccpr&followUp=true", 50);
        Assert.Equal(["ccpr-3/12", "ccpr-3/34", "ccpr-3/52"], items.Select(r => r.GetProperty("id").GetString()));
        Assert.All(items, r => Assert.Equal("2028-07-18", r.GetProperty("followUpDeadline").GetString()));
        var notFollowUp = await api.Client(provider).GetAllPagesAsync("/v1/recommendations?mechanism=ccpr&followUp=false", 50);
        Assert.Equal(27, items.Count + notFollowUp.Count);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_upr_recommendation_lists_the_paragraphs_that_respond_with_evidence(string provider)
    {
        var client = api.Client(provider);
        var rec = await client.GetJsonAsync("/v1/recommendations/upr-3/139.30");
        Assert.Equal(JsonValueKind.Null, rec.GetProperty("text").ValueKind);
        var responses = rec.GetProperty("responses").EnumerateArray().ToList();
        Assert.NotEmpty(responses);
        Assert.All(responses, r =>
        {
            Assert.Equal("a-hrc-wg-6-48-kaz-1", r.GetProperty("documentId").GetString());
            Assert.Equal("responds-to", r.GetProperty("relation").GetString());
            Assert.Contains("139.30", r.GetProperty("evidence").GetString()!, StringComparison.Ordinal);
        });
        var encoded = await client.GetJsonAsync("/v1/recommendations/upr-3%2F139.30");
        Assert.Equal(rec.GetRawText(), encoded.GetRawText());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_document_filter_finds_recommendations_answered_in_that_document(string provider)
    {
        var items = await api.Client(provider).GetAllPagesAsync("/v1/recommendations?document=cedaw-c-kaz-rq-6", 500);
        Assert.NotEmpty(items);
        Assert.All(
            items,
            r => Assert.Contains(r.GetProperty("responses").EnumerateArray(), x => x.GetProperty("documentId").GetString() == "cedaw-c-kaz-rq-6"));
        var sp = await api.Client(provider).GetJsonAsync("/v1/recommendations/sp/al-kaz-4-2025");
        Assert.Contains(sp.GetProperty("responses").EnumerateArray(), x => x.GetProperty("documentId").GetString() == "al-kaz-4-2025-reply");
    }
}
