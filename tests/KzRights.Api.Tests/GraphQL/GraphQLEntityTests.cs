namespace KzRights.Api.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class GraphQLEntityTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Entities_connection_pages_through_the_same_records_as_rest(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetAllPagesAsync("/v1/entities?kind=law", 500);
        var graph = await client.WalkAsync("""
            query($first: Int, $after: String) { entities(kind: "law", first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }
            """, "entities", 9);
        Assert.Equal(rest.Ids(), graph.Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraph_to_entity_mentions_to_the_entity_and_its_mentions_elsewhere(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetJsonAsync("/v1/entities/treaty/iccpr-op2");
        var first = rest.GetProperty("mentions")[0];
        var data = await client.QueryAsync("""
            query($id: ID!) { paragraph(id: $id) {
              entities { id entityId quote attributes { key value } entity { id kind mentionCount mentions { id documentId } } } } }
            """, new { id = first.GetProperty("paragraphId").GetString() });
        var mention = data.GetProperty("paragraph").GetProperty("entities").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        var entity = mention.GetProperty("entity");
        Assert.Equal("treaty/iccpr-op2", entity.GetProperty("id").GetString());
        Assert.Equal(rest.GetProperty("mentions").EnumerateArray().Ids(), entity.GetProperty("mentions").EnumerateArray().Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Indicators_filter_by_measure_as_rest_does(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetAllPagesAsync("/v1/indicators?measure=crisis-centres/count", 500);
        var data = await client.QueryAsync("""{ indicators(measure: "crisis-centres/count", first: 500) { nodes { id measure } } }""");
        var nodes = data.GetProperty("indicators").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(rest.Ids(), nodes.Ids());
        Assert.All(nodes, n => Assert.Equal("crisis-centres/count", n.GetProperty("measure").GetString()));
    }
}
