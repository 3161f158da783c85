using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KzRights.Data;
using KzRights.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Releases;

/// <summary>The record hash, written into the hash from the record's JSON, is the hash the release ids were defined
/// with: SHA-256 of the canonical text built as a tree of nodes with sorted keys (<see cref="TreeHash"/>, the former
/// implementation, kept here as the definition). A difference would change every release id for unchanged data.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordHashTests(ApiFixture api)
{
    private static readonly JsonSerializerOptions TreeOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public enum Mood
    {
        QuiteCalm,
        Upset,
    }

    public sealed record Child(string? Label, decimal Amount, double Ratio, DateOnly? Day, Mood Mood, int[] Numbers);

    public sealed record Sample(
        string Zeta, string Alpha, string? Nothing, Child Child, IReadOnlyList<Child> Children, Dictionary<string, object?> Extra);

    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "plain",
        "quotes \" and \\ backslashes, / slashes, <html> & 'apostrophes' + plus",
        "controls \n\r\t\b\f \u0001 \u001f and \u007f",
        "Казахстан: права человека, квотой — «кавычки»",
        "emoji 👩‍⚖️ and a lone surrogate-free astral 𝔘 and \u2028 \u2029 separators",
        new string('"', 20_000) + "long enough to be escaped past one chunk" + new string('ж', 20_000),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_record_hashes_as_its_canonical_tree_did(string text)
    {
        var child = new Child(text, 1.50m, 0.1, new DateOnly(2024, 2, 29), Mood.QuiteCalm, [3, -1, int.MaxValue]);
        var sample = new Sample(
            text,
            "a",
            null,
            child,
            Enumerable.Range(0, 3000).Select(i => child with { Amount = i / 7m, Ratio = i * 1e-7, Mood = (Mood)(i % 2), Day = null }).ToArray(),
            // Keys that differ only in case are left out: the tree (case-insensitive, as the Web defaults read) refused them.
            new Dictionary<string, object?>
            {
                ["é"] = 1, ["Z"] = 2, ["a"] = 3, ["_"] = null, ["aa"] = new object[] { }, ["\u0100"] = new { }, ["C"] = text, ["𝔘"] = true,
                ["b"] = 1e300, ["🙂"] = -0.0, ["\u00e9\u0301"] = false, [text] = text,
            });

        Assert.Equal(TreeHash(sample), RecordHash.Of(sample));
        Assert.Equal(TreeHash(child), RecordHash.Of(child));
        Assert.Equal(TreeHash(text), RecordHash.Of(text));
        Assert.Equal(TreeHash(new[] { text, null }), RecordHash.Of(new[] { text, null }));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_stored_record_of_the_corpus_hashes_as_its_canonical_tree_did(string provider)
    {
        _ = api.Client(provider);
        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var records = await db.ServedRecords.AsNoTracking().Select(r => new { r.Type, r.RecordId, r.Json, r.Sha256 }).ToListAsync();

        Assert.True(records.Count > 1000, $"{records.Count} stored records");
        foreach (var record in records)
        {
            var expected = Hash(Canonical(JsonNode.Parse(record.Json))?.ToJsonString(TreeOptions) ?? "null");
            Assert.True(expected == record.Sha256, $"{record.Type} {record.RecordId}: stored {record.Sha256}, tree {expected}");
            Assert.Equal(expected, RecordHash.OfJson(record.Json));
        }
    }

    /// <summary>The former implementation: the record as a tree of nodes, a copy with every object's keys sorted, its
    /// text, hashed.</summary>
    private static string TreeHash<T>(T record) =>
        Hash(Canonical(JsonSerializer.SerializeToNode(record, TreeOptions))?.ToJsonString(TreeOptions) ?? "null");

    private static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
