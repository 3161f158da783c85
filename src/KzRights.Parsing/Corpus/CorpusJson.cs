using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Corpus;

/// <summary>The parse output as JSON. Records serialise in declaration order and lists in parse order, so the
/// same input gives byte-identical output.</summary>
public static class CorpusJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ParsedCorpus corpus) => JsonSerializer.Serialize(corpus, Options);

    public static string Serialize(ParsedDocument document) => JsonSerializer.Serialize(document, Options);
}
