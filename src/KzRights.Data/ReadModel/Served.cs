using System.Text.Json;
using System.Text.Json.Serialization;

namespace KzRights.Data.ReadModel;

/// <summary>A record as a REST answer carries it: the JSON stored in the read model, written into the response as it is
/// (no deserialization into a DTO and serialization back, which was most of the cost of an uncached page), or a DTO
/// built from the normalized tables where the read model has no row. <see cref="Value"/> gives the DTO either way.
/// OpenAPI describes it as <typeparamref name="T"/>.</summary>
[JsonConverter(typeof(ServedJsonConverterFactory))]
public sealed class Served<T>
    where T : class
{
    private readonly string? _json;
    private T? _value;

    private Served(string? json, T? value)
    {
        _json = json;
        _value = value;
    }

    public static Served<T> Of(T value) => new(null, value);

    /// <summary>Stored JSON with <see cref="ServedRecords.ReleaseToken"/> replaced by <paramref name="citationSuffix"/>.</summary>
    internal static Served<T> FromStored(string json, string citationSuffix) =>
        new(ServedRecords.Complete(json, citationSuffix), null);

    /// <summary>The record, deserialized from the stored JSON at first use (GraphQL resolvers and C# callers).</summary>
    public T Value => _value ??= JsonSerializer.Deserialize<T>(_json!, ServedRecords.Json)!;

    internal void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_json is not null)
        {
            // Written by this service with the API's conventions at ingest: no need to re-validate it per request.
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
        else
        {
            JsonSerializer.Serialize(writer, _value, options);
        }
    }
}

internal sealed class ServedJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Served<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ServedJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ServedJsonConverter<T> : JsonConverter<Served<T>>
        where T : class
    {
        public override Served<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Served<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Served<T> value, JsonSerializerOptions options) => value.Write(writer, options);
    }
}
