using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KzRights.Data.Releases;

/// <summary>Content hashes: a record's canonical JSON (object keys sorted by code point, no whitespace, camelCase
/// names, enums as strings, as RFC 8785 orders them) hashed with SHA-256. Equal records hash equal whatever the order
/// their properties are declared in.</summary>
public static class RecordHash
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of<T>(T record)
    {
        var node = JsonSerializer.SerializeToNode(record, Options);
        var canonical = Canonical(node)?.ToJsonString(Options) ?? "null";
        return Hex(Encoding.UTF8.GetBytes(canonical));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
