using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KzRights.Api.Tests.GraphQL;

/// <summary>Records whose selection asks only for their own JSON properties are written from the read model's JSON instead
/// of field by field (GraphQL:WriteStoredFieldsDirectly); every answer must be the one the resolvers give.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLStoredJsonTests(ApiFixture api)
{
    private static readonly string[] RootLists =
    [
        "paragraphs(first: 12)", "paragraphs(first: 6, document: \"cedaw-c-kaz-rq-6\")", "recommendations(first: 12)",
        "indicators(first: 12)", "documents(first: 5)", "themes(first: 5)", "facts(first: 5)", "allSeries(first: 5)", "quotas(first: 5)",
        "entities(first: 8)",
    ];

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_field_of_every_list_answers_the_same_written_from_stored_json_as_resolved_field_by_field(string provider)
    {
        var schema = await SchemaAsync(api.Client(provider));
        await using var resolved = FieldByField(provider);
        foreach (var root in RootLists)
        {
            var name = root[..root.IndexOf('(', StringComparison.Ordinal)];
            var nodeType = ConnectionNodeType(schema, name);
            var query = $"{{ {root} {{ totalCount nodes {{ {Selection(schema, nodeType, depth: 3)} }} edges {{ cursor node {{ __typename }} }} }} }}";
            await AssertSameAnswerAsync(provider, resolved, query);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Aliases_fragments_directives_typename_and_merged_fields_answer_the_same_from_stored_json(string provider)
    {
        const string query = """
            query($withText: Boolean!, $skipThemes: Boolean!) {
              paragraphs(first: 20, document: "a-hrc-wg-6-48-kaz-1") {
                nodes {
                  __typename
                  key: id
                  ...where
                  ... on Paragraph { text @include(if: $withText) themes @skip(if: $skipThemes) { name } }
                  indicators { id value }
                  indicators { unit period { start end kind: label } }
                  again: indicators { __typename value }
                }
              }
              recommendations(first: 5) { edges { node { id locator responses { paragraphId evidence } } } }
            }
            fragment where on Paragraph { documentId sectionPath number }
            """;
        await using var resolved = FieldByField(provider);
        await AssertSameAnswerAsync(provider, resolved, query, new { withText = true, skipThemes = false });
        await AssertSameAnswerAsync(provider, resolved, query, new { withText = false, skipThemes = true });
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_selection_of_every_stored_property_in_stored_order_answers_the_records_as_rest_serves_them(string provider)
    {
        // Such a selection (here the quotas, and a paragraph's themes and recommendations) is the stored JSON itself, copied
        // as it is: each node must be the REST item, byte for byte, and equal to what the resolvers give.
        const string quotaFields =
            "id documentId paragraphId percent percentUpper appliesTo where sinceYear indicatorId quote start length rule links { self }";
        var query = $$"""
            { quotas(first: 8) { nodes { {{quotaFields}} } }
              paragraphs(first: 40, document: "ccpr-c-kaz-co-3") { nodes { id themes { themeId name kind confidence reason }
                recommendations { recommendationId mechanism locator relation } } } }
            """;
        await using var resolved = FieldByField(provider);
        await AssertSameAnswerAsync(provider, resolved, query);

        var client = api.Client(provider);
        var answer = (await client.PostGraphQLAsync(query)).Text;
        var rest = await client.GetStringAsync("/v1/quotas?limit=8");
        var items = JsonDocument.Parse(rest).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, items.Count);
        Assert.All(items, item => Assert.Contains(item.GetRawText(), answer, StringComparison.Ordinal));
        var paragraph = JsonDocument.Parse(await client.GetStringAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20"));
        var themes = paragraph.RootElement.GetProperty("themes");
        Assert.NotEqual(0, themes.GetArrayLength());
        Assert.Contains(themes.GetRawText(), answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_is_resolved_field_by_field_and_answers_the_schema()
    {
        // The introspection types describe the schema's own objects, not records: never written from JSON.
        var data = await api.Client("sqlite").QueryAsync("{ __schema { queryType { name description } } __type(name: \"Paragraph\") { name } }");
        Assert.Equal("Query", data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("Paragraph", data.GetProperty("__type").GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_selection_with_a_loaded_field_answers_the_same_as_resolved_field_by_field(string provider)
    {
        // document and recommendation come from batch loaders, not from the paragraph's JSON: the paragraph is resolved field
        // by field, and the loaded records are written from their JSON.
        const string query = """
            { paragraphs(first: 30, document: "ccpr-c-kaz-co-3") { nodes { id document { id symbol } recommendations {
                relation recommendation { id locator mechanism } } } } }
            """;
        await using var resolved = FieldByField(provider);
        await AssertSameAnswerAsync(provider, resolved, query);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Records_written_from_stored_json_keep_their_text_as_utf8_as_rest_does(string provider)
    {
        // Observable sign that the page was written from the read model: its text is not re-escaped (graphql-dotnet's writer
        // escapes every non-ASCII character). Both are the same JSON, as the tests above check.
        const string query = """{ paragraphs(first: 3, lang: "ru") { nodes { id text } } }""";
        var direct = await api.Client(provider).PostGraphQLAsync(query);
        await using var fieldByField = FieldByField(provider);
        var resolved = await fieldByField.CreateClient().PostGraphQLAsync(query);
        Assert.Empty(direct.Errors);
        Assert.Matches("[а-яА-Я]", direct.Text);
        Assert.DoesNotMatch("[а-яА-Я]", resolved.Text);
    }

    private async Task AssertSameAnswerAsync(string provider, ApiFactory fieldByField, string query, object? variables = null)
    {
        var direct = await api.Client(provider).PostGraphQLAsync(query, variables);
        var resolved = await fieldByField.CreateClient().PostGraphQLAsync(query, variables);
        Assert.True(direct.Errors.Count == 0, $"{query}\n{direct.Text}");
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(resolved.Text), JsonNode.Parse(direct.Text)),
            $"{query}\nwritten from stored JSON:\n{Shorten(direct.Text)}\nresolved field by field:\n{Shorten(resolved.Text)}");
    }

    /// <summary>A second host on the fixture's database that resolves every field.</summary>
    private ApiFactory FieldByField(string provider)
    {
        var shared = api.Factory(provider);
        _ = shared.Services; // started (and the corpus ingested) before another host opens its database
        return new ApiFactory(
            provider, settings: new Dictionary<string, string?> { ["GraphQL:WriteStoredFieldsDirectly"] = "false" }, sameDatabaseAs: shared,
            ownsDatabase: false);
    }

    private static string Shorten(string text) => text.Length > 3000 ? text[..3000] + "…" : text;

    private static async Task<JsonElement> SchemaAsync(HttpClient client)
    {
        const string introspection = """
            { __schema { types { name kind fields { name args { name } type { ...ref ofType { ...ref ofType { ...ref ofType { ...ref } } } } } }
              queryType { fields { name type { ...ref ofType { ...ref } } } } } }
            fragment ref on __Type { kind name }
            """;
        var response = await client.PostGraphQLAsync(introspection);
        Assert.Empty(response.Errors);
        return response.Data.GetProperty("__schema");
    }

    private static string ConnectionNodeType(JsonElement schema, string rootField)
    {
        var connection = NamedType(schema.GetProperty("queryType").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == rootField).GetProperty("type"));
        var nodes = Fields(schema, connection).Single(f => f.GetProperty("name").GetString() == "nodes");
        return NamedType(nodes.GetProperty("type"));
    }

    /// <summary>Every field of <paramref name="typeName"/> that takes no arguments, objects down to
    /// <paramref name="depth"/> levels (loaded fields included, so both ways of writing meet).</summary>
    private static string Selection(JsonElement schema, string typeName, int depth)
    {
        var builder = new StringBuilder();
        foreach (var field in Fields(schema, typeName).Where(f => f.GetProperty("args").GetArrayLength() == 0))
        {
            var named = NamedType(field.GetProperty("type"));
            var kind = schema.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("name").GetString() == named).GetProperty("kind").GetString();
            if (kind is "SCALAR" or "ENUM")
            {
                builder.Append(field.GetProperty("name").GetString()).Append(' ');
            }
            else if (kind == "OBJECT" && depth > 1 && Selection(schema, named, depth - 1) is { Length: > 0 } inner)
            {
                builder.Append(field.GetProperty("name").GetString()).Append(" { ").Append(inner).Append("} ");
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<JsonElement> Fields(JsonElement schema, string typeName) =>
        schema.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("name").GetString() == typeName).GetProperty("fields").EnumerateArray();

    private static string NamedType(JsonElement type)
    {
        while (type.GetProperty("name").ValueKind == JsonValueKind.Null)
        {
            type = type.GetProperty("ofType");
        }

        return type.GetProperty("name").GetString()!;
    }
}
