using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ThemeEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_vocabulary_lists_human_rights_themes_and_the_seventeen_goals_with_counts(string provider)
    {
        var client = api.Client(provider);
        var all = await client.GetAllPagesAsync("/v1/themes", 500);
        var goals = await client.GetAllPagesAsync("/v1/themes?kind=sdg", 10);
        Assert.Equal(Enumerable.Range(1, 17), goals.Select(g => g.GetProperty("goalNumber").GetInt32()));
        Assert.True(all.Count > goals.Count + 25);
        var deathPenalty = all.Single(t => t.GetProperty("id").GetString() == "theme/death-penalty");
        Assert.True(deathPenalty.GetProperty("counts").GetProperty("paragraphs").GetInt32() > 0);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraphs_and_recommendations_carry_their_themes_with_a_reason(string provider)
    {
        var client = api.Client(provider);
        // Paragraph 20 of the concluding observations sits under the heading "Gender equality".
        var paragraph = await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20");
        var tag = paragraph.GetProperty("themes").EnumerateArray().First(t => t.GetProperty("themeId").GetString() == "theme/womens-rights");
        Assert.Contains("heading", tag.GetProperty("reason").GetString()!, StringComparison.Ordinal);
        Assert.InRange(tag.GetProperty("confidence").GetDouble(), 0.5, 1.0);

        var recommendation = await client.GetJsonAsync("/v1/recommendations/ccpr-3/20");
        Assert.Contains(recommendation.GetProperty("themes").EnumerateArray(), t => t.GetProperty("themeId").GetString() == "theme/womens-rights");
        Assert.All(recommendation.GetProperty("themes").EnumerateArray(), t => Assert.True(t.GetProperty("confidence").GetDouble() >= 0.5));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_theme_kind_is_rejected(string provider)
    {
        var problem = await api.Client(provider).GetJsonAsync("/v1/themes?kind=topic", 400);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("kind").ValueKind);
    }
}
