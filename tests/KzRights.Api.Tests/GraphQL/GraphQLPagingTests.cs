using System.Text.Json;

namespace KzRights.Api.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class GraphQLPagingTests(ApiFixture api)
{
    private const string AllParagraphs = """
        query($first: Int, $after: String) { paragraphs(first: $first, after: $after) {
          totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }
        """;

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Walking_paragraphs_with_after_returns_each_paragraph_once_and_the_rest_order(string provider)
    {
        var client = api.Client(provider);
        var rest = (await client.GetAllPagesAsync("/v1/paragraphs", 500)).Ids().ToList();
        var walked = (await client.WalkAsync(AllParagraphs, "paragraphs", 97)).Ids().ToList();
        Assert.Equal(rest.Count, walked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(rest, walked);
        var total = (await client.QueryAsync("{ paragraphs(first: 1) { totalCount } }")).GetProperty("paragraphs").GetProperty("totalCount").GetInt32();
        Assert.Equal(rest.Count, total);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_edge_cursor_continues_right_after_its_item(string provider)
    {
        var client = api.Client(provider);
        var page = (await client.QueryAsync(AllParagraphs, new { first = 20 })).GetProperty("paragraphs");
        Assert.False(page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var edges = page.GetProperty("edges").EnumerateArray().ToList();
        foreach (var i in new[] { 0, 7, 18 })
        {
            var next = (await client.QueryAsync(AllParagraphs, new { first = 1, after = edges[i].GetProperty("cursor").GetString() })).GetProperty(
                "paragraphs");
            Assert.Equal(
                edges[i + 1].GetProperty("node").GetProperty("id").GetString(),
                next.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());
            Assert.True(next.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        }

        // The edge cursors are the cursors REST would give: REST continues from a GraphQL cursor and vice versa.
        var rest = await client.GetJsonAsync("/v1/paragraphs?limit=1&cursor=" + Uri.EscapeDataString(edges[4].GetProperty("cursor").GetString()!));
        Assert.Equal(edges[5].GetProperty("node").GetProperty("id").GetString(), rest.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_documents_nested_paragraph_pages_share_cursors_with_the_filtered_root_list(string provider)
    {
        var client = api.Client(provider);
        var nested = (await client.QueryAsync(
            """{ document(id: "ccpr-c-kaz-co-3") { paragraphs(first: 10) { totalCount pageInfo { endCursor } nodes { id } } } }"""))
            .GetProperty("document").GetProperty("paragraphs");
        var cursor = nested.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var root = (await client.QueryAsync(
            """query($after: String) { paragraphs(document: "ccpr-c-kaz-co-3", first: 10, after: $after) { nodes { id } } }""",
            new { after = cursor }))
            .GetProperty("paragraphs");
        var nestedNext = (await client.QueryAsync(
            """query($after: String) { document(id: "ccpr-c-kaz-co-3") { paragraphs(first: 10, after: $after) { nodes { id } } } }""",
            new { after = cursor }))
            .GetProperty("document").GetProperty("paragraphs");
        var rest = await client.GetJsonAsync("/v1/documents/ccpr-c-kaz-co-3/paragraphs?limit=20");
        var expected = rest.GetProperty("items").EnumerateArray().Ids().ToList();
        Assert.Equal(rest.GetProperty("total").GetInt32(), nested.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected[..10], nested.GetProperty("nodes").EnumerateArray().Ids());
        Assert.Equal(expected[10..], root.GetProperty("nodes").EnumerateArray().Ids());
        Assert.Equal(expected[10..], nestedNext.GetProperty("nodes").EnumerateArray().Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Documents_recommendations_and_search_page_to_the_end_like_rest(string provider)
    {
        var client = api.Client(provider);
        var documents = await client.WalkAsync(
            "query($first: Int, $after: String) { documents(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } " +
                "} }",
            "documents",
            1);
        Assert.Equal((await client.GetAllPagesAsync("/v1/documents", 500)).Ids(), documents.Ids());
        var recommendations = await client.WalkAsync(
            "query($first: Int, $after: String) { recommendations(mechanism: \"upr\", first: $first, after: $after) { pageInfo { hasNextPage endCursor } " +
                "edges { cursor node { id } } } }", "recommendations", 33);
        Assert.Equal((await client.GetAllPagesAsync("/v1/recommendations?mechanism=upr", 500)).Ids(), recommendations.Ids());
        var hits = await client.WalkAsync(
            "query($first: Int, $after: String) { search(q: \"women\", first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor " +
                "node { id } } } }", "search", 7);
        Assert.Equal((await client.GetAllPagesAsync("/v1/search?q=women", 500)).Ids(), hits.Ids());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_cursor_of_another_list_or_a_garbled_cursor_is_an_invalid_cursor_error(string provider)
    {
        var client = api.Client(provider);
        var cursor = (await client.QueryAsync("{ documents(first: 1) { pageInfo { endCursor } } }")).GetProperty("documents").GetProperty("pageInfo")
            .GetProperty("endCursor")
            .GetString();
        foreach (var after in new[] { cursor, "%%%", "bm90LWEtY3Vyc29y" })
        {
            var response = await client.PostGraphQLAsync("query($after: String) { paragraphs(after: $after) { totalCount } }", new { after });
            Assert.True(response.Status == 200, response.Text);
            Assert.Equal(["INVALID_CURSOR"], response.ErrorCodes);
        }

        var nested = await client.PostGraphQLAsync(
            "query($after: String) { documents { nodes { id paragraphs(after: $after) { totalCount } } } }",
            new { after = cursor });
        Assert.Contains("INVALID_CURSOR", nested.ErrorCodes);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task First_defaults_to_50_and_is_refused_outside_1_to_500(string provider)
    {
        var client = api.Client(provider);
        var page = (await client.QueryAsync("{ paragraphs { nodes { id } } }")).GetProperty("paragraphs");
        Assert.Equal(50, page.GetProperty("nodes").GetArrayLength());
        Assert.Equal(
            500,
            (await client.QueryAsync("{ paragraphs(first: 500) { nodes { id } } }")).GetProperty("paragraphs").GetProperty("nodes").GetArrayLength());
        foreach (var first in new[] { 0, -1, 501, 100_000 })
        {
            var response = await client.PostGraphQLAsync("query($first: Int) { paragraphs(first: $first) { totalCount } }", new { first });
            Assert.Equal(400, response.Status);
            Assert.False(response.HasData);
            Assert.Equal(["PAGE_SIZE_OUT_OF_RANGE"], response.ErrorCodes);
            Assert.Contains("500", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var nested = await client.PostGraphQLAsync("{ documents { nodes { paragraphs(first: 501) { totalCount } } } }", accept: "application/json");
        Assert.Equal(200, nested.Status);
        Assert.Equal(["PAGE_SIZE_OUT_OF_RANGE"], nested.ErrorCodes);
        Assert.Equal(JsonValueKind.Undefined, nested.HasData ? JsonValueKind.Object : JsonValueKind.Undefined);
    }
}
