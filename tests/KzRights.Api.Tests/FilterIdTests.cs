using KzRights.Api.Tests.GraphQL;

namespace KzRights.Api.Tests;

/// <summary>Every filter that names a record refuses an id that names nothing (400 / INVALID_ARGUMENT naming the
/// parameter), in REST and GraphQL alike, and still filters by ids that exist.</summary>
[Collection(ApiCollection.Name)]
public sealed class FilterIdTests(ApiFixture api)
{
    public static TheoryData<string, string> UnknownFilterUrls => new()
    {
        { "/v1/paragraphs?document=ccpr-c-kaz-co-33", "document" },
        { "/v1/paragraphs?section=no-such-section", "section" },
        { "/v1/documents/ccpr-c-kaz-co-3/paragraphs?section=ccpr-c-kaz-co-3/no-such-section", "section" },
        { "/v1/recommendations?document=nope", "document" },
        { "/v1/indicators?document=nope", "document" },
        { "/v1/indicators?paragraph=nope", "paragraph" },
        { "/v1/indicators?theme=theme/none", "theme" },
        { "/v1/series?document=nope", "document" },
        { "/v1/quotas?document=nope", "document" },
    };

    [Theory]
    [MemberData(nameof(UnknownFilterUrls))]
    public async Task An_unknown_id_in_any_rest_filter_answers_400_naming_the_parameter(string url, string parameter)
    {
        foreach (var provider in ((IEnumerable<object[]>)ApiFixture.Providers).Select(p => (string)p[0]))
        {
            var problem = await api.Client(provider).GetJsonAsync(url, 400);
            Assert.Equal("INVALID_ARGUMENT", problem.GetProperty("code").GetString());
            Assert.Contains("no ", problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
            Assert.StartsWith(parameter + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_id_in_any_graphql_filter_fails_the_field_with_invalid_argument(string provider)
    {
        var client = api.Client(provider);
        foreach (var (query, parameter) in new[]
        {
            ("""{ paragraphs(document: "ccpr-c-kaz-co-33") { totalCount } }""", "document"),
            ("""{ paragraphs(section: "no-such-section") { totalCount } }""", "section"),
            ("""{ recommendations(document: "nope") { totalCount } }""", "document"),
            ("""{ indicators(paragraph: "nope") { totalCount } }""", "paragraph"),
            ("""{ indicators(theme: "theme/none") { totalCount } }""", "theme"),
            ("""{ allSeries(document: "nope") { totalCount } }""", "document"),
            ("""{ quotas(document: "nope") { totalCount } }""", "document"),
        })
        {
            var response = await client.PostGraphQLAsync(query);
            Assert.True(response.Status == 200, response.Text);
            Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
            Assert.StartsWith(parameter + ":", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Section_and_paragraph_filters_with_ids_from_the_data_still_filter(string provider)
    {
        var client = api.Client(provider);
        var document = await client.GetJsonAsync("/v1/documents/ccpr-c-kaz-co-3");
        var section = document.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("paragraphCount").GetInt32() > 0);
        var sectionId = section.GetProperty("id").GetString()!;
        var inSection = await client.GetJsonAsync($"/v1/paragraphs?section={Uri.EscapeDataString(sectionId)}&limit=500");
        Assert.Equal(section.GetProperty("paragraphCount").GetInt32(), inSection.GetProperty("total").GetInt32());
        var graphQL = await client.QueryAsync("query($s: ID) { paragraphs(section: $s) { totalCount } }", new { s = sectionId });
        Assert.Equal(inSection.GetProperty("total").GetInt32(), graphQL.GetProperty("paragraphs").GetProperty("totalCount").GetInt32());

        var indicator = (await client.GetJsonAsync("/v1/indicators?limit=1")).GetProperty("items")[0];
        var paragraphId = indicator.GetProperty("paragraphId").GetString()!;
        var ofParagraph = await client.GetJsonAsync($"/v1/indicators?paragraph={Uri.EscapeDataString(paragraphId)}");
        Assert.Contains(ofParagraph.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == indicator.GetProperty("id").GetString());
    }
}
