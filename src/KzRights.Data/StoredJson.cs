using System.Text.Json;
using KzRights.Data.Queries;

namespace KzRights.Data;

/// <summary>The JSON columns (section paths, populations, citations, quota targets): written at ingest and read back
/// whole, never queried. One serializer setting for both directions keeps them readable by each other.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static IReadOnlyList<string> ReadStrings(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    /// <summary>Attributes are stored as a JSON object and served as a list of key/value pairs in key order.</summary>
    public static IReadOnlyList<EntityAttributeDto> ReadAttributes(string json) =>
        (JsonSerializer.Deserialize<SortedDictionary<string, string>>(json, Options) ?? []).Select(a => new EntityAttributeDto(a.Key, a.Value)).ToArray();

    public static IReadOnlyList<EntityDisagreementDto> ReadDisagreements(string json) =>
        JsonSerializer.Deserialize<EntityDisagreementDto[]>(json, Options) ?? [];

    public static IReadOnlyList<CitationDto> ReadCitations(string json) => JsonSerializer.Deserialize<CitationDto[]>(json, Options) ?? [];
}
