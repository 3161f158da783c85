using System.Text.Json;

namespace KzRights.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DocumentEndpointTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Listing_documents_returns_every_manifest_document_with_counts(string provider)
    {
        var page = await api.Client(provider).GetJsonAsync("/v1/documents");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var ccpr = items.Single(d => d.GetProperty("id").GetString() == "ccpr-c-kaz-co-3");
        Assert.Equal("CCPR/C/KAZ/CO/3", ccpr.GetProperty("symbol").GetString());
        Assert.Equal(59, ccpr.GetProperty("counts").GetProperty("paragraphs").GetInt32());
        Assert.Equal(11, ccpr.GetProperty("counts").GetProperty("footnotes").GetInt32());
        Assert.Contains(
            ccpr.GetProperty("dates").EnumerateArray(),
            d => d.GetProperty("role").GetString() == "adopted" && d.GetProperty("date").GetString() == "2025-07-11");
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_document_has_its_section_tree_with_paragraph_counts(string provider)
    {
        var detail = await api.Client(provider).GetJsonAsync("/v1/documents/ccpr-c-kaz-co-3");
        var chapters = detail.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "C", "D"], chapters.Select(c => c.GetProperty("number").GetString()));
        var c = chapters[2];
        Assert.Contains(c.GetProperty("children").EnumerateArray(), s => s.GetProperty("title").GetString() == "National human rights institution");
        // Section counts include sub-sections; together with paragraphs outside any section they cover the document.
        var paragraphs = await api.Client(provider).GetAllPagesAsync("/v1/documents/ccpr-c-kaz-co-3/paragraphs", 500);
        var outside = paragraphs.Count(p => p.GetProperty("sectionId").ValueKind == JsonValueKind.Null);
        Assert.Equal(59, chapters.Sum(s => s.GetProperty("paragraphCount").GetInt32()) + outside);
        Assert.Equal(paragraphs.Count(p => p.GetProperty("sectionId").GetString()?.StartsWith("ccpr-c-kaz-co-3/c/", StringComparison.Ordinal) == true
            || p.GetProperty("sectionId").GetString() == "ccpr-c-kaz-co-3/c"), c.GetProperty("paragraphCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_document_answers_404_problem_json(string provider)
    {
        using var response = await api.Client(provider).GetAsync("/v1/documents/no-such-document");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("no-such-document", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await api.Client(provider).GetJsonAsync("/v1/documents/no-such-document/paragraphs", 404);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_documents_paragraphs_come_in_reading_order(string provider)
    {
        var items = await api.Client(provider).GetAllPagesAsync("/v1/documents/ccpr-c-kaz-co-3/paragraphs", 17);
        Assert.Equal(
            Enumerable.Range(1, 59).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            items.Select(p => p.GetProperty("number").GetString()));
    }
}
