namespace KzRights.Api.Tests.GraphQL;

/// <summary>The whole schema is the largest answer introspection gives, so a request may ask for it once.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLIntrospectionLimitTests(ApiFixture api)
{
    [Fact]
    public async Task One_schema_introspection_per_request_is_answered()
    {
        var data = await api.Client("sqlite").QueryAsync("{ __schema { queryType { name } } __type(name: \"Query\") { name } }");
        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{ a: __schema { queryType { name } } b: __schema { queryType { name } } }")]
    [InlineData("{ a: __schema { types { name } } ...F } fragment F on Query { b: __schema { types { name } } }")]
    public async Task Asking_for_the_schema_twice_in_one_request_is_refused(string query)
    {
        var response = await api.Client("sqlite").PostGraphQLAsync(query);
        Assert.False(response.HasData);
        Assert.Equal(["QUERY_TOO_LARGE"], response.ErrorCodes);
    }
}
