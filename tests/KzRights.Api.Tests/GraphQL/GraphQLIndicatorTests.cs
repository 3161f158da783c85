using System.Text.Json;

namespace KzRights.Api.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class GraphQLIndicatorTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraph_to_indicators_to_fact_to_the_other_attestations(string provider)
    {
        var client = api.Client(provider);
        var fact = (await client.GetAllPagesAsync("/v1/facts", 100)).First(f => f.GetProperty("attestations").GetArrayLength() >= 2);
        var first = fact.GetProperty("attestations")[0];
        var data = await client.QueryAsync("""
            query($id: ID!) { paragraph(id: $id) { id indicators { id quote indicator {
              factId fact { id conflict attestations { id paragraphId indicator { document { id } } } } } } } }
            """, new { id = first.GetProperty("paragraphId").GetString() });
        var indicator = data.GetProperty("paragraph").GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        var linked = indicator.GetProperty("indicator").GetProperty("fact");
        Assert.Equal(fact.GetProperty("id").GetString(), linked.GetProperty("id").GetString());
        Assert.Equal(
            fact.GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("id").GetString()),
            linked.GetProperty("attestations").EnumerateArray().Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Indicators_connection_pages_through_the_same_records_as_rest(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetAllPagesAsync("/v1/indicators?document=ccpr-c-kaz-co-3", 500);
        var graph = await client.WalkAsync("""
            query($first: Int, $after: String) { indicators(document: "ccpr-c-kaz-co-3", first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id value unit quote } } } }
            """, "indicators", 7);
        Assert.Equal(rest.Ids(), graph.Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Theme_to_indicators_and_series_and_quotas_resolve(string provider)
    {
        var client = api.Client(provider);
        var data = await client.QueryAsync("""
            { themes(kind: "theme", first: 50) { nodes { id counts { indicators } indicators(first: 3) { id themes { themeId } } } }
              allSeries(first: 3) { nodes { key points { value indicator { seriesKey } } } }
              quotas(first: 50) { totalCount nodes { id percent appliesTo } } }
            """);
        var themes = data.GetProperty("themes").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(themes, t => t.GetProperty("indicators").GetArrayLength() > 0);
        foreach (var theme in themes)
        {
            Assert.All(
                theme.GetProperty("indicators").EnumerateArray(),
                i => Assert.Contains(
                    i.GetProperty("themes").EnumerateArray(),
                    t => t.GetProperty("themeId").GetString() == theme.GetProperty("id").GetString()));
            Assert.Equal(Math.Min(3, theme.GetProperty("counts").GetProperty("indicators").GetInt32()), theme.GetProperty("indicators").GetArrayLength());
        }

        foreach (var series in data.GetProperty("allSeries").GetProperty("nodes").EnumerateArray())
        {
            Assert.All(
                series.GetProperty("points").EnumerateArray(),
                p => Assert.Equal(series.GetProperty("key").GetString(), p.GetProperty("indicator").GetProperty("seriesKey").GetString()));
        }

        Assert.Contains(data.GetProperty("quotas").GetProperty("nodes").EnumerateArray(), q => q.GetProperty("percent").ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Bad_indicator_arguments_are_graphql_errors(string provider)
    {
        var client = api.Client(provider);
        foreach (var query in new[]
        {
            """{ indicators(kind: "guess") { totalCount } }""",
            """{ indicators(from: "20x3") { totalCount } }""",
            """{ indicators(theme: "theme/none") { totalCount } }""",
            """{ indicators(first: 100000) { totalCount } }""",
        })
        {
            var response = await client.PostGraphQLAsync(query);
            Assert.NotEqual(500, response.Status);
            Assert.NotEmpty(response.Errors);
        }
    }
}
