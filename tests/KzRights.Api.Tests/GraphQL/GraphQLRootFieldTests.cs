using System.Text.Json;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>Each root field answers what the matching REST endpoint answers: the same DTOs through the same query
/// services.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLRootFieldTests(ApiFixture api)
{
    private const string DocumentFields = "id symbol symbolPrinted title documentType body mechanism layout session languages originalLanguage dates { role date note } sourceFile sha256 counts { sections paragraphs subItems footnotes references recommendations } officialUrl links { self }";

    private const string SectionFields = "id documentId parentId level kind number title language paragraphCount";

    private const string ParagraphFields = "id documentId sectionId sectionPath number rawNumber text language startLine endLine subItems { id label text citation } footnotes { id marker markerOffset text citations { symbol paragraphs } } recommendations { recommendationId mechanism locator relation } translations { paragraphId language } indicators { id paragraphId subItemId value valueUpper unit scale qualifier period { label start end } subject kind measure quote start length links { self } } "
        + "entities { id entityId kind documentId paragraphId subItemId language quote start length attributes { key value } rule } themes { themeId name kind confidence reason } citation links { self }";

    private const string RecommendationFields = "id mechanism locator text sourceDocumentId paragraphId theme priorRecommendations { symbol paragraphs } followUp followUpDeadline responses { paragraphId documentId relation evidence } indicators { id paragraphId subItemId value valueUpper unit scale qualifier period { label start end } subject kind measure quote start length links { self } } themes { themeId name kind confidence reason } citation links { self }";

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Document_returns_the_rest_document_with_its_section_tree_and_references(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetJsonAsync("/v1/documents/ccpr-c-kaz-co-3");
        var data = await client.QueryAsync($$"""
            query($id: ID!) { document(id: $id) { {{DocumentFields}}
              sections { {{SectionFields}} children { {{SectionFields}} children { {{SectionFields}} } } }
              references { id marker text url } } }
            """, new { id = "ccpr-c-kaz-co-3" });
        var document = data.GetProperty("document");
        var expected = JsonSerializer.SerializeToElement(rest.GetProperty("document").EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
        var actual = JsonSerializer.SerializeToElement(document.EnumerateObject().Where(p => p.Name is not "sections" and not "references").ToDictionary(p => p.Name, p => p.Value));
        GraphQLClient.AssertJsonEqual(expected, actual);
        GraphQLClient.AssertJsonEqual(rest.GetProperty("references"), document.GetProperty("references"));
        Assert.Equal(rest.GetProperty("sections").GetArrayLength(), document.GetProperty("sections").GetArrayLength());
        Assert.Equal(
            rest.GetProperty("sections").EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("paragraphCount").GetInt32(), s.GetProperty("children").GetArrayLength())),
            document.GetProperty("sections").EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("paragraphCount").GetInt32(), s.GetProperty("children").GetArrayLength())));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Unknown_ids_resolve_to_null_without_errors(string provider)
    {
        var data = await api.Client(provider).QueryAsync("""{ document(id: "nope") { id } paragraph(id: "ccpr-c-kaz-co-3/999") { id } recommendation(id: "upr-9/1") { id } }""");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("document").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("paragraph").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("recommendation").ValueKind);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Documents_lists_the_rest_documents_in_the_same_order(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetJsonAsync("/v1/documents?limit=500");
        var connection = (await client.QueryAsync($"{{ documents(first: 500) {{ totalCount nodes {{ {DocumentFields} }} }} }}")).GetProperty("documents");
        Assert.Equal(rest.GetProperty("total").GetInt32(), connection.GetProperty("totalCount").GetInt32());
        GraphQLClient.AssertJsonEqual(rest.GetProperty("items"), connection.GetProperty("nodes"));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraph_returns_the_rest_paragraph(string provider)
    {
        var client = api.Client(provider);
        foreach (var id in new[] { "ccpr-c-kaz-co-3/8", "cedaw-c-kaz-rq-6/12(a)/1" })
        {
            var rest = await client.GetJsonAsync("/v1/paragraphs/" + Uri.EscapeDataString(id));
            var data = await client.QueryAsync($"query($id: ID!) {{ paragraph(id: $id) {{ {ParagraphFields} }} }}", new { id });
            GraphQLClient.AssertJsonEqual(rest, data.GetProperty("paragraph"));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraphs_filters_match_the_rest_filters(string provider)
    {
        var client = api.Client(provider);
        var cases = new (string Query, string Arguments)[]
        {
            ("document=al-kaz-4-2025-reply&lang=ru", """document: "al-kaz-4-2025-reply", lang: "ru" """),
            ("section=ccpr-c-kaz-co-3/c", """section: "ccpr-c-kaz-co-3/c" """),
            ("document=al-kaz-4-2025-reply&lang=en&q=quota", """document: "al-kaz-4-2025-reply", lang: "en", q: "quota" """),
        };
        foreach (var (query, arguments) in cases)
        {
            var rest = await client.GetJsonAsync($"/v1/paragraphs?{query}&limit=500");
            var connection = (await client.QueryAsync($"{{ paragraphs({arguments}, first: 500) {{ totalCount nodes {{ {ParagraphFields} }} }} }}")).GetProperty("paragraphs");
            Assert.Equal(rest.GetProperty("total").GetInt32(), connection.GetProperty("totalCount").GetInt32());
            Assert.True(connection.GetProperty("totalCount").GetInt32() > 0, query);
            GraphQLClient.AssertJsonEqual(rest.GetProperty("items"), connection.GetProperty("nodes"));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Recommendation_and_recommendations_match_rest(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetJsonAsync("/v1/recommendations/ccpr-3/8");
        var one = await client.QueryAsync($"{{ recommendation(id: \"ccpr-3/8\") {{ {RecommendationFields} }} }}");
        GraphQLClient.AssertJsonEqual(rest, one.GetProperty("recommendation"));

        foreach (var (query, arguments) in new[]
        {
            ("mechanism=ccpr", """mechanism: "ccpr" """),
            ("document=ccpr-c-kaz-co-3&followUp=true", """document: "ccpr-c-kaz-co-3", followUp: true"""),
            ("mechanism=upr&followUp=false", """mechanism: "upr", followUp: false"""),
        })
        {
            var list = await client.GetJsonAsync($"/v1/recommendations?{query}&limit=500");
            var connection = (await client.QueryAsync($"{{ recommendations({arguments}, first: 500) {{ totalCount nodes {{ {RecommendationFields} }} }} }}")).GetProperty("recommendations");
            Assert.Equal(list.GetProperty("total").GetInt32(), connection.GetProperty("totalCount").GetInt32());
            GraphQLClient.AssertJsonEqual(list.GetProperty("items"), connection.GetProperty("nodes"));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Themes_match_rest_themes(string provider)
    {
        var client = api.Client(provider);
        foreach (var kind in new[] { null, "sdg", "theme" })
        {
            var rest = await client.GetAllPagesAsync("/v1/themes" + (kind is null ? "" : "?kind=" + kind), 500);
            var themes = await client.WalkAsync(
                "query($first: Int, $after: String, $kind: String) { themes(kind: $kind, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id name kind goalNumber counts { paragraphs recommendations indicators } links { self } } } } }",
                "themes", 10, new() { ["kind"] = kind });
            Assert.NotEmpty(themes);
            GraphQLClient.AssertJsonEqual(JsonSerializer.SerializeToElement(rest), JsonSerializer.SerializeToElement(themes));
        }

        var tagged = (await client.QueryAsync("""{ paragraph(id: "ccpr-c-kaz-co-3/20") { themes { themeId confidence reason } } }""")).GetProperty("paragraph").GetProperty("themes");
        Assert.True(tagged.GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Search_matches_rest_search_and_links_to_the_records(string provider)
    {
        var client = api.Client(provider);
        foreach (var (type, argument) in new[] { ("", ""), ("&type=paragraph", """, type: "paragraph" """), ("&type=recommendation", """, type: "recommendation" """) })
        {
            var rest = await client.GetJsonAsync($"/v1/search?q=women%20rights{type}&limit=40");
            var connection = (await client.QueryAsync($$"""
                { search(q: "women rights"{{argument}}, first: 40) { totalCount
                  nodes { type id documentId number score snippet snippetOffset highlights { start length } links { self } } } }
                """)).GetProperty("search");
            Assert.Equal(rest.GetProperty("total").GetInt32(), connection.GetProperty("totalCount").GetInt32());
            GraphQLClient.AssertJsonEqual(rest.GetProperty("items"), connection.GetProperty("nodes"));
        }

        var hits = (await client.QueryAsync("""{ search(q: "torture", first: 20) { nodes { type id paragraph { id } recommendation { id } } } }""")).GetProperty("search").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(h.GetProperty("id").GetString(), h.GetProperty(h.GetProperty("type").GetString()!).GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Bad_argument_values_fail_the_field_with_invalid_argument(string provider)
    {
        var client = api.Client(provider);
        foreach (var query in new[]
        {
            """{ paragraphs(lang: "english") { totalCount } }""",
            """{ paragraphs(document: "ccpr-c-kaz-co-33") { totalCount } }""",
            """{ recommendations(mechanism: "unicef") { totalCount } }""",
            """{ search(q: "  ") { totalCount } }""",
            """{ search(q: "torture", type: "document") { totalCount } }""",
        })
        {
            var response = await client.PostGraphQLAsync(query);
            Assert.True(response.Status == 200, response.Text);
            Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_bad_argument_fails_with_the_message_rest_gives_for_the_same_query_parameter(string provider)
    {
        var client = api.Client(provider);
        foreach (var (query, path, parameter) in new[]
        {
            ("""{ indicators(unit: "furlongs") { totalCount } }""", "/v1/indicators?unit=furlongs", "unit"),
            ("""{ indicators(from: "2024", to: "2020") { totalCount } }""", "/v1/indicators?from=2024&to=2020", "from"),
            ("""{ indicators(to: "2023-02-30") { totalCount } }""", "/v1/indicators?to=2023-02-30", "to"),
            ("""{ entities(q: "--") { totalCount } }""", "/v1/entities?q=--", "q"),
            ("""{ themes(kind: "topic") { totalCount } }""", "/v1/themes?kind=topic", "kind"),
        })
        {
            var rest = await client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, rest.StatusCode);
            using var problem = JsonDocument.Parse(await rest.Content.ReadAsStringAsync());
            var restMessage = problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString();

            var response = await client.PostGraphQLAsync(query);
            Assert.Equal(["INVALID_ARGUMENT"], response.ErrorCodes);
            Assert.Equal(restMessage, response.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        }
    }
}
