using System.Text.Json;

namespace KzRights.Api.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class GraphQLNavigationTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Document_to_sections_to_paragraphs_to_sub_items_and_footnotes(string provider)
    {
        var client = api.Client(provider);
        var document = (await client.QueryAsync("""
            { document(id: "ccpr-c-kaz-co-3") { sections { id paragraphCount document { id }
                paragraphs(first: 100) { totalCount
                  nodes { id number sectionId subItems { id label } footnotes { marker citations { symbol } } document { id } } }
                children { id paragraphs(first: 1) { totalCount } } } } }
            """)).GetProperty("document");
        var sections = document.GetProperty("sections").EnumerateArray().ToList();
        Assert.All(sections, s => Assert.Equal("ccpr-c-kaz-co-3", s.GetProperty("document").GetProperty("id").GetString()));
        Assert.All(sections, s => Assert.Equal(s.GetProperty("paragraphCount").GetInt32(), s.GetProperty("paragraphs").GetProperty("totalCount").GetInt32()));
        foreach (var child in sections.SelectMany(s => s.GetProperty("children").EnumerateArray()))
        {
            var rest = await client.GetJsonAsync("/v1/paragraphs?limit=1&section=" + Uri.EscapeDataString(child.GetProperty("id").GetString()!));
            Assert.Equal(rest.GetProperty("total").GetInt32(), child.GetProperty("paragraphs").GetProperty("totalCount").GetInt32());
        }

        var c = sections.Single(s => s.GetProperty("id").GetString() == "ccpr-c-kaz-co-3/c");
        var paragraphs = c.GetProperty("paragraphs").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(paragraphs, p => p.GetProperty("number").GetString() == "20");
        Assert.All(paragraphs, p => Assert.StartsWith("ccpr-c-kaz-co-3/c/", p.GetProperty("sectionId").GetString() + "/", StringComparison.Ordinal));
        var p8 = sections.SelectMany(s => s.GetProperty("paragraphs").GetProperty("nodes").EnumerateArray())
            .Single(p => p.GetProperty("id").GetString() == "ccpr-c-kaz-co-3/8");
        Assert.Equal("CCPR/C/KAZ/CO/2", p8.GetProperty("footnotes")[0].GetProperty("citations")[0].GetProperty("symbol").GetString());
        Assert.Contains(
            sections.SelectMany(s => s.GetProperty("paragraphs").GetProperty("nodes").EnumerateArray()),
            p => p.GetProperty("subItems").GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraph_to_recommendations_to_responses_to_paragraph_to_document_and_back(string provider)
    {
        var client = api.Client(provider);
        var paragraph = (await client.QueryAsync("""
            { paragraph(id: "ccpr-c-kaz-co-3/8") { id document { id symbol }
                recommendations { recommendationId relation recommendation { id mechanism sourceDocument { id } paragraph { id }
                  responses { paragraphId relation paragraph { id document { id } recommendations { recommendationId } } document { id } } } } } }
            """)).GetProperty("paragraph");
        Assert.Equal("CCPR/C/KAZ/CO/3", paragraph.GetProperty("document").GetProperty("symbol").GetString());
        var link = paragraph.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("recommendationId").GetString() == "ccpr-3/8");
        var recommendation = link.GetProperty("recommendation");
        Assert.Equal("ccpr-3/8", recommendation.GetProperty("id").GetString());
        Assert.Equal("ccpr-c-kaz-co-3", recommendation.GetProperty("sourceDocument").GetProperty("id").GetString());
        Assert.Equal("ccpr-c-kaz-co-3/8", recommendation.GetProperty("paragraph").GetProperty("id").GetString());

        // Back again: every response names a paragraph whose own links include this recommendation.
        var responses = recommendation.GetProperty("responses").EnumerateArray().ToList();
        Assert.Contains(responses, r => r.GetProperty("paragraph").GetProperty("id").GetString() == "ccpr-c-kaz-co-3/8");
        foreach (var response in responses)
        {
            var responding = response.GetProperty("paragraph");
            Assert.Equal(response.GetProperty("paragraphId").GetString(), responding.GetProperty("id").GetString());
            Assert.Equal(response.GetProperty("document").GetProperty("id").GetString(), responding.GetProperty("document").GetProperty("id").GetString());
            Assert.Contains(responding.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("recommendationId").GetString() == "ccpr-3/8");
        }

        var rest = await client.GetJsonAsync("/v1/recommendations/ccpr-3/8");
        Assert.Equal(
            rest.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("paragraphId").GetString()),
            responses.Select(r => r.GetProperty("paragraphId").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_translation_leads_to_the_translated_paragraph_and_back(string provider)
    {
        var client = api.Client(provider);
        var russian = (await client.QueryAsync("""
            { paragraphs(document: "al-kaz-4-2025-reply", lang: "ru", first: 500) { nodes { id language
                translations { language paragraph { id language translations { paragraphId paragraph { id } } } } } } }
            """)).GetProperty("paragraphs").GetProperty("nodes").EnumerateArray().First(p => p.GetProperty("translations").GetArrayLength() > 0);
        var translation = russian.GetProperty("translations")[0];
        Assert.Equal("en", translation.GetProperty("language").GetString());
        var english = translation.GetProperty("paragraph");
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Contains(
            english.GetProperty("translations").EnumerateArray(),
            t => t.GetProperty("paragraph").GetProperty("id").GetString() == russian.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Recommendations_without_a_source_document_in_the_corpus_have_null_links(string provider)
    {
        var nodes = (await api.Client(provider).QueryAsync(
            """{ recommendations(mechanism: "upr", first: 500) { nodes { id sourceDocumentId sourceDocument { id } paragraphId paragraph { id } } } }"""))
            .GetProperty("recommendations").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n =>
        {
            Assert.Equal(n.GetProperty("sourceDocumentId").ValueKind == JsonValueKind.Null, n.GetProperty("sourceDocument").ValueKind == JsonValueKind.Null);
            Assert.Equal(n.GetProperty("paragraphId").ValueKind == JsonValueKind.Null, n.GetProperty("paragraph").ValueKind == JsonValueKind.Null);
        });
    }
}
