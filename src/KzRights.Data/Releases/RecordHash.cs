using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KzRights.Data.Releases;

/// <summary>Content hashes: a record's canonical JSON (object keys sorted by code point, no whitespace, camelCase
/// names, enums as strings, as RFC 8785 orders them) hashed with SHA-256. Equal records hash equal whatever the order
/// their properties are declared in.</summary>
/// <remarks>The canonical form is written straight into the hash a few kilobytes at a time from the record's serialized
/// JSON: a record that embeds thousands of children (an entity's mentions, a recommendation's responses) costs its JSON
/// and a compact token index, where a tree of nodes, its sorted copy and the canonical text were several times that
/// and grew with the corpus. The bytes hashed are the ones the tree wrote (same escaping, numbers as serialized).</remarks>
public static class RecordHash
{
    private const int ChunkBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions CanonicalWriter = new() { Encoder = Options.Encoder, Indented = false };

    public static string Of<T>(T record) => OfJson(JsonSerializer.SerializeToUtf8Bytes(record, Options));

    /// <summary>The hash of a record already serialized with the API's conventions (camelCase, enums as camelCase strings,
    /// nulls written, relaxed escaping: <see cref="ReadModel.ServedRecords.Json"/>), in any property order.</summary>
    public static string OfJson(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var sink = new HashingBufferWriter(hash))
        using (var writer = new Utf8JsonWriter(sink, CanonicalWriter))
        {
            WriteCanonical(writer, document.RootElement);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add(property);
                }

                // Ordinal over UTF-16 names, as the tree's OrderBy(key, StringComparer.Ordinal) sorted them.
                properties.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
                writer.WriteStartObject();
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Strings are unescaped and escaped again by the writer's encoder, numbers written as serialized.
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>Feeds what the JSON writer writes to the hash as it goes: the writer hands over its bytes (Advance)
    /// before it asks for room again, so one pooled buffer serves the whole record.</summary>
    private sealed class HashingBufferWriter(IncrementalHash hash) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);

        public void Advance(int count) => hash.AppendData(_buffer, 0, count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint);

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

        private byte[] Room(int sizeHint)
        {
            if (sizeHint > _buffer.Length)
            {
                // One value longer than the buffer (a long quoted text, escaped): a larger one for the rest of the record.
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
            }

            return _buffer;
        }
    }
}
