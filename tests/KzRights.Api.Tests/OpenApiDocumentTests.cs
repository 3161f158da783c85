using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    [Fact]
    public async Task The_committed_openapi_yaml_matches_the_served_document()
    {
        var yaml = await api.Client("sqlite").GetStringAsync("/openapi.yaml");
        Snapshot.AssertMatches("openapi.yaml", yaml);
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_described_parameters_and_problem_responses()
    {
        var document = JsonDocument.Parse(await api.Client("sqlite").GetStringAsync("/openapi.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Operation: op.Value)))
            .ToList();
        Assert.True(operations.Count >= 9);
        foreach (var (path, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), path);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path);
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), $"{path} {parameter.GetProperty("name")}");
            }

            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var badRequest), $"{path} documents no 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} 400 is not problem+json");
        }

        var getParagraph = document.GetProperty("paths").EnumerateObject().Single(p => p.Name == "/v1/paragraphs/{paragraphId}").Value.GetProperty("get");
        Assert.True(getParagraph.GetProperty("responses").GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Swagger_ui_is_served_without_external_assets()
    {
        var client = api.Client("sqlite");
        var html = await client.GetStringAsync("/swagger/index.html");
        Assert.DoesNotContain("https://", html.Replace("https://swagger.io", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        using var bundle = await client.GetAsync("/swagger/swagger-ui-bundle.js");
        Assert.Equal(200, (int)bundle.StatusCode);
    }
}
