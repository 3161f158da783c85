using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KzRights.Api.Tests.Http;

/// <summary>The published contract is what the API does: every operation of <c>openapi.yaml</c> is called over the
/// whole corpus (every page of every list, every listed id through its get route, the documented error answers) and
/// each answer is validated against the schema the document declares for its status and media type.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractCrawlTests(ApiFixture api)
{
    /// <summary>Values for required query parameters that the corpus answers with records.</summary>
    private static readonly Dictionary<string, string[]> RequiredQueries = new(StringComparer.Ordinal)
    {
        ["/v1/search"] = ["q=torture", "q=women&type=paragraph", "q=death penalty&type=recommendation", "q=квота&lang=ru"],
    };

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_answer_of_every_operation_over_the_whole_corpus_matches_the_published_schema(string provider)
    {
        var client = api.Client(provider);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi.json"))!.AsObject();
        var contract = new Contract(document);
        var violations = new List<string>();
        var checkedAnswers = 0;

        async Task<JsonElement?> Check(string path, string url)
        {
            using var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            checkedAnswers++;
            var problem = contract.Validate(path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
            if (problem is not null)
            {
                violations.Add($"GET {url} → {(int)response.StatusCode}: {problem}");
            }

            return response.IsSuccessStatusCode && Contract.IsJson(response.Content.Headers.ContentType?.MediaType)
                ? JsonDocument.Parse(text).RootElement.Clone()
                : null;
        }

        async Task<List<JsonElement>> CrawlList(string path, string url)
        {
            var items = new List<JsonElement>();
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            string? cursor = null;
            do
            {
                var page = await Check(path, $"{url}{separator}limit=500" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
                if (page is null)
                {
                    break;
                }

                items.AddRange(page.Value.GetProperty("items").EnumerateArray());
                cursor = page.Value.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            return items;
        }

        // The public reads; the keyed admin operations are covered by ApiKeyTests and the webhook tests.
        var paths = document["paths"]!.AsObject()
            .Where(p => p.Value?["get"] is { } get && get["security"]?.AsArray().Any(r => r?.AsObject().Count > 0) != true)
            .Select(p => p.Key).ToList();
        var listIds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in paths.Where(p => !p.Contains('{', StringComparison.Ordinal)))
        {
            var isList = contract.IsList(path);
            foreach (var query in RequiredQueries.GetValueOrDefault(path) ?? [string.Empty])
            {
                var url = query.Length == 0 ? path : $"{path}?{query}";
                if (isList)
                {
                    var items = await CrawlList(path, url);
                    listIds[path] = items.Select(i => (i.TryGetProperty("id", out var id) ? id : i.GetProperty("key")).GetString()!).ToList();
                }
                else
                {
                    await Check(path, url);
                }
            }

            if (isList)
            {
                // The documented error answers of a list: a bad page size, a malformed cursor, an unknown parameter.
                var required = RequiredQueries.GetValueOrDefault(path)?[0];
                var prefix = required is null ? $"{path}?" : $"{path}?{required}&";
                await Check(path, prefix + "limit=0");
                await Check(path, prefix + "cursor=not-a-cursor");
                await Check(path, prefix + "no_such_parameter=1");
            }
        }

        var fileUrls = new List<string>();
        foreach (var path in paths.Where(p => p.Contains('{', StringComparison.Ordinal)))
        {
            var collection = path[..path.IndexOf("/{", StringComparison.Ordinal)];
            Assert.True(listIds.ContainsKey(collection), $"{path}: no list at {collection} to take ids from");
            var tail = path[(path.IndexOf('}', StringComparison.Ordinal) + 1)..];
            if (tail.Contains('{', StringComparison.Ordinal))
            {
                // A second parameter: the dataset's files, named by the dataset listing crawled below.
                continue;
            }

            foreach (var id in listIds[collection])
            {
                if (tail.Length == 0)
                {
                    await Check(path, $"{collection}/{id}");
                }
                else if (contract.IsList(path))
                {
                    await CrawlList(path, $"{collection}/{id}{tail}");
                }
                else if (await Check(path, $"{collection}/{id}{tail}") is { } answer && answer.TryGetProperty("files", out var files))
                {
                    fileUrls.AddRange(files.EnumerateArray().Select(f => f.GetProperty("url").GetString()!));
                }
            }

            await Check(path, $"{collection}/no-such-record{tail}");
            await Check(path, $"{collection}/{listIds[collection][0]}{tail}?no_such_parameter=1");
        }

        const string FilePath = "/v1/releases/{releaseId}/dataset/{fileName}";
        Assert.Contains(FilePath, paths);
        Assert.NotEmpty(fileUrls);
        foreach (var url in fileUrls)
        {
            await Check(FilePath, url);
        }

        await Check(FilePath, fileUrls[0][..(fileUrls[0].LastIndexOf('/') + 1)] + "no-such-file.csv");

        Assert.True(checkedAnswers > 1000, $"only {checkedAnswers} answers were checked");
        Assert.True(violations.Count == 0, $"{violations.Count} of {checkedAnswers} answers break openapi.yaml:\n" + string.Join("\n", violations.Take(20)));
    }

    /// <summary>The OpenAPI 3.0 document's response schemas as JSON Schema 2020-12 (the dialect JsonSchema.Net
    /// evaluates): <c>nullable</c> becomes a <c>null</c> type or alternative, component refs point into <c>$defs</c>.</summary>
    private sealed class Contract
    {
        private readonly JsonObject _document;
        private readonly JsonObject _definitions;
        private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

        public Contract(JsonObject document)
        {
            _document = document;
            _definitions = new JsonObject(document["components"]!["schemas"]!.AsObject()
                .Select(s => KeyValuePair.Create(s.Key, (JsonNode?)ToJsonSchema(s.Value!))));
        }

        public static bool IsJson(string? mediaType) => mediaType is "application/json" or "application/problem+json";

        public bool IsList(string path) => ResponseSchema(path, 200, "application/json") is { } schema
            && schema["$ref"]?.GetValue<string>() is { } reference
            && _definitions[reference.Split('/')[^1]]!["properties"]?["nextCursor"] is not null;

        /// <summary>Null when the answer is documented and matches; else what is wrong.</summary>
        public string? Validate(string path, int status, string? mediaType, string body)
        {
            var declared = _document["paths"]![path]!["get"]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (declared is null)
            {
                return $"status {status} is not documented";
            }

            if (declared["content"]?[mediaType ?? string.Empty] is null)
            {
                return $"media type {mediaType} is not documented for {status}";
            }

            if (!IsJson(mediaType) || ResponseSchema(path, status, mediaType!)?["format"]?.GetValue<string>() == "binary")
            {
                // Files (a dataset's CSV, Parquet, zip) are documented by media type; their content is checked by DatasetTests.
                return null;
            }

            var key = $"{path} {status} {mediaType}";
            if (!_schemas.TryGetValue(key, out var schema))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$defs"] = _definitions.DeepClone(),
                    ["allOf"] = new JsonArray(ResponseSchema(path, status, mediaType!)!.DeepClone()),
                };
                _schemas[key] = schema = JsonSchema.FromText(root.ToJsonString());
            }

            var result = schema.Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            return result.IsValid
                ? null
                : string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).Distinct().Take(5));
        }

        private JsonNode? ResponseSchema(string path, int status, string mediaType) =>
            _document["paths"]?[path]?["get"]?["responses"]?[status.ToString(System.Globalization.CultureInfo
                .InvariantCulture)]?["content"]?[mediaType]?["schema"] is { } schema
                ? ToJsonSchema(schema)
                : null;

        private static JsonNode ToJsonSchema(JsonNode node)
        {
            switch (node)
            {
                case JsonArray array:
                    return new JsonArray(array.Select(n => n is null ? null : ToJsonSchema(n)).ToArray());
                case JsonObject obj:
                    var copy = new JsonObject();
                    foreach (var (name, value) in obj)
                    {
                        copy[name] = name switch
                        {
                            "$ref" => "#/$defs/" + value!.GetValue<string>().Split('/')[^1],
                            "properties" => new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToJsonSchema(p.Value!)))),
                            "example" or "nullable" => null,
                            _ => value is null ? null : ToJsonSchema(value),
                        };
                    }

                    foreach (var dropped in new[] { "example", "nullable" })
                    {
                        copy.Remove(dropped);
                    }

                    if (obj["nullable"]?.GetValue<bool>() != true)
                    {
                        return copy;
                    }

                    if (copy["type"] is JsonValue type && copy["enum"] is null && copy["allOf"] is null)
                    {
                        copy["type"] = new JsonArray(type.GetValue<string>(), "null");
                        return copy;
                    }

                    return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
                default:
                    return node.DeepClone();
            }
        }
    }
}
