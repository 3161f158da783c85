using System.Text.Json;
using System.Text.Json.Serialization;

namespace KzRights.Data.ReadModel;

/// <summary>A record as a REST answer carries it: the JSON stored in the read model, written into the response as it is
/// (no deserialization into a DTO and serialization back, which was most of the cost of an uncached page), or a DTO
/// built from the normalized tables where the read model has no row. <see cref="Value"/> gives the DTO either way.
/// OpenAPI describes it as <typeparamref name="T"/>.</summary>
[JsonConverter(typeof(ServedJsonConverterFactory))]
public sealed class Served<T> : IServedJson
    where T : class
{
    private readonly byte[]? _stored;
    private readonly byte[] _utf8Suffix;
    private T? _value;

    private Served(byte[]? stored, byte[] utf8Suffix, T? value)
    {
        _stored = stored;
        _utf8Suffix = utf8Suffix;
        _value = value;
    }

    public static Served<T> Of(T value) => new(null, [], value);

    /// <summary>Stored UTF-8 JSON whose <see cref="ServedRecords.ReleaseToken"/>s become <paramref name="utf8Suffix"/> when
    /// it is written or read.</summary>
    internal static Served<T> FromStored(byte[] stored, byte[] utf8Suffix) => new(stored, utf8Suffix, null);

    /// <summary>The record, deserialized from the stored JSON at first use (GraphQL resolvers and C# callers).</summary>
    public T Value => _value ??= ServedRecords.Deserialize<T>(_stored!, _utf8Suffix);

    object IServedJson.Record => Value;

    /// <inheritdoc/>
    public TResult UseJson<TState, TResult>(TState state, Func<TState, ReadOnlySpan<byte>, TResult> use) =>
        _stored is not null
            ? ServedRecords.Complete(_stored, _utf8Suffix, state, use)
            : use(state, JsonSerializer.SerializeToUtf8Bytes(_value, ServedRecords.Json));

    internal void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_stored is not null)
        {
            // Written by this service with the API's conventions at ingest: no need to re-validate it per request.
            ServedRecords.Complete(_stored, _utf8Suffix, writer, static (w, json) =>
            {
                w.WriteRawValue(json, skipInputValidation: true);
                return 0;
            });
        }
        else
        {
            JsonSerializer.Serialize(writer, _value, options);
        }
    }
}

/// <summary>A <see cref="Served{T}"/> whatever its record type: what GraphQL needs to write a record's selected fields
/// straight from its JSON.</summary>
public interface IServedJson
{
    /// <summary>The record as its DTO (deserialized at first use).</summary>
    object Record { get; }

    /// <summary>Hands <paramref name="use"/> the record's JSON as REST serves it (citations naming the release), valid only
    /// during the call.</summary>
    TResult UseJson<TState, TResult>(TState state, Func<TState, ReadOnlySpan<byte>, TResult> use);
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
