using System.Text.Json;
using KzRights.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KzRights.Api.Tests;

/// <summary>Every problem carries a stable machine-readable <c>code</c> from <see cref="ErrorCodes"/>, the set GraphQL
/// uses in <c>extensions.code</c>.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorCodeTests(ApiFixture api)
{
    public static TheoryData<string, string, int, string> Problems => new()
    {
        { "GET", "/v1/paragraphs?limt=5", 400, ErrorCodes.InvalidArgument },
        { "GET", "/v1/recommendations?mechanism=unicef", 400, ErrorCodes.InvalidArgument },
        { "GET", "/v1/paragraphs?document=ccpr-c-kaz-co-33", 400, ErrorCodes.InvalidArgument },
        { "GET", "/v1/paragraphs?cursor=bm90LWEtY3Vyc29y", 400, ErrorCodes.InvalidCursor },
        { "GET", "/v1/paragraphs/ccpr-c-kaz-co-3/999", 404, ErrorCodes.NotFound },
        { "GET", "/v1/documents/nope/paragraphs", 404, ErrorCodes.NotFound },
        { "GET", "/v1/nothing-here", 404, ErrorCodes.NotFound },
        { "DELETE", "/v1/documents", 405, ErrorCodes.MethodNotAllowed },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Every_problem_carries_its_code(string method, string url, int status, string code)
    {
        foreach (var provider in ((IEnumerable<object[]>)ApiFixture.Providers).Select(p => (string)p[0]))
        {
            using var response = await api.Client(provider).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData(500, ErrorCodes.InternalError)]
    [InlineData(406, ErrorCodes.NotAcceptable)]
    [InlineData(415, ErrorCodes.UnsupportedMediaType)]
    [InlineData(429, ErrorCodes.TooManyRequests)]
    public void A_problem_with_only_a_status_gets_the_code_of_that_status(int status, string code)
    {
        var context = new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = new ProblemDetails { Status = status } };
        ErrorCodes.AddCode(context);
        Assert.Equal(code, context.ProblemDetails.Extensions["code"]);
        Assert.Contains(code, ErrorCodes.All);
    }

    [Fact]
    public void The_openapi_problem_schemas_list_every_code()
    {
        var yaml = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "openapi.yaml"));
        Assert.All(ErrorCodes.All, c => Assert.Contains("- " + c, yaml, StringComparison.Ordinal));
    }
}
