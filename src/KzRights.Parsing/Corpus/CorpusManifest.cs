using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Corpus;

/// <summary><c>manifest.json</c>: the metadata of every corpus file. The SHA-256 of each file is checked on load,
/// so a changed source never passes as the one the metadata describes.</summary>
public sealed record CorpusManifest(IReadOnlyList<DocumentMetadata> Documents)
{
    public const string FileName = "manifest.json";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    public static CorpusManifest Load(string corpusDirectory)
    {
        var path = Path.Combine(corpusDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"corpus manifest not found at {path}", path);
        }

        var manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path}: empty manifest");
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in manifest.Documents)
        {
            if (!slugs.Add(doc.Slug))
            {
                throw new InvalidDataException($"{path}: slug '{doc.Slug}' appears twice");
            }
        }

        return manifest;
    }

    /// <summary>SHA-256 of the manifest file itself: a changed manifest (hence a changed source hash) means re-ingest.</summary>
    public static string ComputeManifestHash(string corpusDirectory) =>
        Sha256Hex(File.ReadAllBytes(Path.Combine(corpusDirectory, FileName)));

    /// <summary>Every corpus file whose bytes no longer match the SHA-256 the manifest gives (or that is missing), one
    /// line each; empty when the folder is what the manifest describes.</summary>
    public static IReadOnlyList<string> FindMismatches(string corpusDirectory) =>
        Load(corpusDirectory).Documents
            .Select(doc => (doc, path: Path.Combine(corpusDirectory, doc.SourceFile)))
            .Select(x => !File.Exists(x.path) ? $"{x.doc.SourceFile} ({x.doc.Slug}) is missing"
                : Sha256Hex(File.ReadAllBytes(x.path)) is var actual && !string.Equals(actual, x.doc.Sha256, StringComparison.OrdinalIgnoreCase)
                    ? $"{x.doc.SourceFile} ({x.doc.Slug}) has SHA-256 {actual[..12]}…, the manifest says {x.doc.Sha256[..12]}…"
                    : null)
            .OfType<string>()
            .ToArray();

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
