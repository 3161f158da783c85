using System.Text.Json;

namespace KzRights.Api.Tests;

/// <summary>Every client mistake answers RFC 9457 problem+json naming what was wrong, never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorResponseTests(ApiFixture api)
{
    public static TheoryData<string, string, string> BadQueries => new()
    {
        { "/v1/paragraphs?limt=5", "limt", "Unknown query parameter" },
        { "/v1/documents?page=2", "page", "Unknown query parameter" },
        { "/v1/recommendations?mechansim=upr", "mechansim", "Unknown query parameter" },
        { "/v1/search?q=a&sort=asc", "sort", "Unknown query parameter" },
        { "/v1/paragraphs/ccpr-c-kaz-co-3/20?lang=en", "lang", "Unknown query parameter 'lang'. This operation takes no query parameters." },
        { "/v1/paragraphs?limit=0", "limit", "limit must be" },
        { "/v1/paragraphs?limit=501", "limit", "limit must be" },
        { "/v1/paragraphs?limit=abc", "limit", "limit must be" },
        { "/v1/paragraphs?limit=-1", "limit", "limit must be" },
        { "/v1/paragraphs?limit=10&limit=20", "limit", "given 2 times" },
        { "/v1/recommendations?mechanism=unicef", "mechanism", "mechanism must be one of" },
        { "/v1/recommendations?followUp=yes", "followUp", "followUp must be" },
        { "/v1/paragraphs?lang=english", "lang", "lang must be one of" },
        { "/v1/paragraphs?cursor=%25%25%25", "cursor", "cursor must be" },
        { "/v1/paragraphs?cursor=bm90LWEtY3Vyc29y", "cursor", "not a value returned" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_answers_400_problem_json_naming_the_parameter(string url, string parameter, string message)
    {
        foreach (var provider in ApiFixture.PostgresConnectionString is null ? ["sqlite"] : new[] { "sqlite", "postgres" })
        {
            using var response = await api.Client(provider).GetAsync(url);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var errors = problem.GetProperty("errors").GetProperty(parameter);
            Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_cursor_from_one_query_is_refused_by_a_query_with_other_filters(string provider)
    {
        var client = api.Client(provider);
        var page = await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=5");
        var cursor = Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!);
        await client.GetJsonAsync($"/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=5&cursor={cursor}");
        var problem = await client.GetJsonAsync($"/v1/paragraphs?document=a-hrc-wg-6-48-kaz-1&limit=5&cursor={cursor}", 400);
        Assert.Contains("other filters", problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Unknown_routes_and_wrong_methods_answer_problem_json(string provider)
    {
        var client = api.Client(provider);
        using var notFound = await client.GetAsync("/v1/nothing-here");
        Assert.Equal(404, (int)notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        using var wrongMethod = await client.DeleteAsync("/v1/documents");
        Assert.Equal(405, (int)wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
        using var unknownRecommendation = await client.GetAsync("/v1/recommendations/upr-3/999.1");
        Assert.Equal(404, (int)unknownRecommendation.StatusCode);
        Assert.Equal("application/problem+json", unknownRecommendation.Content.Headers.ContentType?.MediaType);
    }
}
