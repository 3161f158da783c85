namespace KzRights.Api.Tests.GraphQL;

/// <summary>A document sent again comes from the document cache and skips the core validation rules; what depends on the
/// request must still be checked every time.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLDocumentCacheTests(ApiFixture api)
{
    [Fact]
    public async Task A_document_sent_again_still_has_its_variables_coerced_and_its_page_size_checked()
    {
        var client = api.Client("sqlite");
        const string query = "query($first: Int) { paragraphs(first: $first) { nodes { id } } }";
        var first = await client.PostGraphQLAsync(query, new { first = 2 });
        var again = await client.PostGraphQLAsync(query, new { first = 3 });
        Assert.Empty(first.Errors);
        Assert.Equal(3, again.Data.GetProperty("paragraphs").GetProperty("nodes").GetArrayLength());

        var notAnInt = await client.PostGraphQLAsync(query, new { first = "three" });
        Assert.NotEmpty(notAnInt.Errors);
        Assert.False(notAnInt.HasData && notAnInt.Data.ValueKind == System.Text.Json.JsonValueKind.Object);

        var tooLarge = await client.PostGraphQLAsync(query, new { first = 100_000 });
        Assert.Contains("PAGE_SIZE_OUT_OF_RANGE", tooLarge.ErrorCodes);
    }

    [Fact]
    public async Task A_document_that_failed_validation_fails_again_when_sent_again()
    {
        var client = api.Client("sqlite");
        const string query = "{ paragraphs(first: 1) { nodes { noSuchField } } }";
        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostGraphQLAsync(query);
            Assert.Contains("FIELDS_ON_CORRECT_TYPE", response.ErrorCodes);
        }
    }

    [Fact]
    public async Task A_document_without_variables_sent_again_answers_the_same_and_reports_the_same_cost()
    {
        var client = api.Client("sqlite");
        const string query = "{ paragraphs(first: 3) { nodes { id text @include(if: false) number @skip(if: false) } } }";
        var first = await client.PostGraphQLAsync(query);
        var again = await client.PostGraphQLAsync(query);
        Assert.Empty(first.Errors);
        Assert.Equal(first.Text, again.Text);
        var node = again.Data.GetProperty("paragraphs").GetProperty("nodes")[0];
        Assert.False(node.TryGetProperty("text", out _));
        Assert.True(node.TryGetProperty("number", out _));
        Assert.True(again.Body.GetProperty("extensions").GetProperty("cost").GetProperty("complexity").GetDouble() > 0);
    }

    [Fact]
    public async Task A_document_whose_directives_read_variables_selects_by_each_requests_variables()
    {
        var client = api.Client("sqlite");
        const string query = "query($withText: Boolean!) { paragraphs(first: 2) { nodes { id text @include(if: $withText) } } }";
        foreach (var withText in new[] { true, false, true })
        {
            var response = await client.PostGraphQLAsync(query, new { withText });
            Assert.Empty(response.Errors);
            var node = response.Data.GetProperty("paragraphs").GetProperty("nodes")[0];
            Assert.Equal(withText, node.TryGetProperty("text", out _));
        }
    }
}
