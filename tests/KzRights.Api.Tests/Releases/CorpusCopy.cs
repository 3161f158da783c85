using System.Text.Json.Nodes;
using KzRights.Parsing.Corpus;

namespace KzRights.Api.Tests.Releases;

/// <summary>The repository's corpus copied into a temporary folder (deleted on dispose), for tests that ingest an
/// edited corpus to publish another release.</summary>
public sealed class CorpusCopy : IDisposable
{
    public CorpusCopy()
    {
        Folder = Directory.CreateTempSubdirectory("kzrights-corpus-").FullName;
        foreach (var file in Directory.GetFiles(CorpusParser.LocateCorpusDirectory()))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        FullManifest = File.ReadAllText(ManifestPath);
    }

    public string Folder { get; }

    public string ManifestPath => Path.Combine(Folder, CorpusManifest.FileName);

    /// <summary>The manifest as copied, listing every document.</summary>
    public string FullManifest { get; }

    /// <summary>Writes a manifest that leaves the document <paramref name="slug"/> out (its file stays, unlisted).</summary>
    public void WriteManifestWithout(string slug)
    {
        var manifest = JsonNode.Parse(FullManifest)!;
        var documents = manifest["documents"]!.AsArray();
        documents.Remove(documents.Single(d => (string?)d!["slug"] == slug));
        File.WriteAllText(ManifestPath, manifest.ToJsonString());
    }

    /// <summary>Rewrites the source file of the document <paramref name="slug"/> with <paramref name="edit"/> and states
    /// its new SHA-256 in the manifest, so the next ingest loads it.</summary>
    public void EditDocument(string slug, Func<string, string> edit)
    {
        var document = CorpusManifest.Load(Folder).Documents.Single(d => d.Slug == slug);
        var source = Path.Combine(Folder, document.SourceFile);
        File.WriteAllText(source, edit(File.ReadAllText(source)));
        File.WriteAllText(ManifestPath, File.ReadAllText(ManifestPath)
            .Replace(document.Sha256, CorpusManifest.Sha256Hex(File.ReadAllBytes(source)), StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
