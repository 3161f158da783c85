using System.Net;
using System.Text;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>The transport follows GraphQL over HTTP: media types, status codes, GET for queries only.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLHttpTests(ApiFixture api)
{
    private const string Json = "application/json";

    private static StringContent Body(string text, string? contentType = Json)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [InlineData(GraphQLClient.GraphQLResponse, GraphQLClient.GraphQLResponse)]
    [InlineData(Json, Json)]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json, application/graphql-response+json", GraphQLClient.GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var response = await api.Client("sqlite").PostGraphQLAsync("{ __typename }", accept: accept);
        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.MediaType);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task An_accept_header_allowing_no_json_answers_406()
    {
        var response = await api.Client("sqlite").PostGraphQLAsync("{ __typename }", accept: "text/html");
        Assert.Equal(406, response.Status);
        Assert.Equal(["NOT_ACCEPTABLE"], response.ErrorCodes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_post_without_a_json_content_type_answers_415(string? contentType)
    {
        var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", Body("""{"query":"{ __typename }"}""", contentType));
        Assert.Equal(415, response.Status);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"not a JSON")]
    [InlineData("[1, 2]")]
    [InlineData("""{"qeury":"{ __typename }"}""")]
    [InlineData("""{"query": 42}""")]
    [InlineData("""{"query": ""}""")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""")]
    [InlineData("""{"query":"{ __typename }","variables":[1]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":7}""")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""")]
    public async Task Unusable_request_bodies_answer_400_under_both_media_types(string body)
    {
        foreach (var accept in new[] { GraphQLClient.GraphQLResponse, Json })
        {
            var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", Body(body), accept);
            Assert.True(response.Status == 400, $"{accept}: {response.Status} {response.Text}");
            Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
            Assert.False(response.HasData);
        }
    }

    [Fact]
    public async Task Null_variables_operation_name_and_extensions_are_allowed()
    {
        var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql",
            Body("""{"query":"query Q { __typename }","variables":null,"operationName":"Q","extensions":{"persistedQuery":null}}"""));
        Assert.Equal(200, response.Status);
        Assert.Empty(response.Errors);
    }

    [Theory]
    [InlineData("{ nosuchfield }", null)]
    [InlineData("{", null)]
    [InlineData("query($id: ID!) { paragraph(id: $id) { id } }", "{}")]
    [InlineData("query($n: Int) { paragraphs(first: $n) { totalCount } }", """{"n":"many"}""")]
    public async Task Documents_that_do_not_execute_answer_400_under_graphql_response_json_and_200_under_json(string query, string? variables)
    {
        var body = $$"""{"query":{{System.Text.Json.JsonSerializer.Serialize(query)}},"variables":{{variables ?? "null"}}}""";
        var strict = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", Body(body), GraphQLClient.GraphQLResponse);
        Assert.Equal(400, strict.Status);
        Assert.False(strict.HasData);
        Assert.NotEmpty(strict.Errors);
        var legacy = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Post, "/graphql", Body(body), Json);
        Assert.Equal(200, legacy.Status);
        Assert.Equal(Json, legacy.MediaType);
        Assert.False(legacy.HasData);
        Assert.NotEmpty(legacy.Errors);
    }

    [Fact]
    public async Task Get_runs_queries_with_url_encoded_variables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($id: ID!) { paragraph(id: $id) { id } }") + "&variables="
            + Uri.EscapeDataString("""{"id":"ccpr-c-kaz-co-3/8"}""");
        var response = await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Get, url, null);
        Assert.Equal(200, response.Status);
        Assert.Equal("ccpr-c-kaz-co-3/8", response.Data.GetProperty("paragraph").GetProperty("id").GetString());
        Assert.Equal(400, (await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Get, "/graphql", null)).Status);
        Assert.Equal(400, (await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Get, "/graphql?query={__typename}&variables=%5B%5D", null)).Status);
        Assert.Equal(400, (await api.Client("sqlite").SendGraphQLAsync(HttpMethod.Get, "/graphql?query={__typename}&query={__typename}", null)).Status);
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("query Q { __typename } mutation M { __typename }", "M")]
    [InlineData("subscription { __typename }", null)]
    public async Task A_mutation_over_get_answers_405_allowing_post(string query, string? operationName)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + operationName));
        request.Headers.Add("Accept", GraphQLClient.GraphQLResponse);
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("METHOD_NOT_ALLOWED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_over_post_is_refused_as_invalid_since_the_schema_has_none()
    {
        var strict = await api.Client("sqlite").PostGraphQLAsync("mutation { __typename }");
        Assert.Equal(400, strict.Status);
        Assert.NotEmpty(strict.Errors);
        var legacy = await api.Client("sqlite").PostGraphQLAsync("mutation { __typename }", accept: Json);
        Assert.Equal(200, legacy.Status);
        Assert.NotEmpty(legacy.Errors);
    }

    [Fact]
    public async Task Other_methods_answer_405_and_oversized_bodies_413()
    {
        using var put = await api.Client("sqlite").PutAsync("/graphql", Body("""{"query":"{ __typename }"}"""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        var huge = await api.Client("sqlite")
            .SendGraphQLAsync(HttpMethod.Post, "/graphql", Body("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + new string('x', 300_000) + "\"}}"));
        Assert.Equal(413, huge.Status);
        Assert.Equal(["PAYLOAD_TOO_LARGE"], huge.ErrorCodes);
    }

    [Fact]
    public async Task GraphiQL_is_served_with_local_assets_only()
    {
        var client = api.Client("sqlite");
        using var page = await client.GetAsync("/graphql/ui");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(5, assets.Count);
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, asset);
            Assert.True(response.Content.Headers.ContentLength is > 0 and < 2_000_000, $"{asset}: {response.Content.Headers.ContentLength} bytes");
        }

        using var conditional = new HttpRequestMessage(HttpMethod.Get, assets[0]);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", page.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/graphql/ui/appsettings.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/graphql/ui/..%2F..%2Fappsettings.json")).StatusCode);
    }
}
