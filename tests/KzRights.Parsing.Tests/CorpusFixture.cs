using System.Collections.Concurrent;
using KzRights.Parsing.Corpus;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Tests;

/// <summary>Parses the repository's corpus for a test collection: each document on first use, so a failure in
/// one layout's parser is reported by that document's tests only.</summary>
public sealed class CorpusFixture
{
    private readonly ConcurrentDictionary<string, Lazy<ParsedDocument>> _documents = new(StringComparer.Ordinal);
    private readonly Lazy<ParsedCorpus> _corpus;

    public CorpusFixture()
    {
        Directory = CorpusParser.LocateCorpusDirectory();
        Manifest = CorpusManifest.Load(Directory);
        _corpus = new Lazy<ParsedCorpus>(() => CorpusParser.Combine(
            Manifest.Documents.Select(d => Document(d.Slug)).ToArray(),
            CorpusManifest.ComputeManifestHash(Directory)));
    }

    /// <summary>The slugs of the manifest, for per-document theories.</summary>
    public static TheoryData<string> Slugs
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var doc in CorpusManifest.Load(CorpusParser.LocateCorpusDirectory()).Documents)
            {
                data.Add(doc.Slug);
            }

            return data;
        }
    }

    public string Directory { get; }

    public CorpusManifest Manifest { get; }

    public ParsedCorpus Corpus => _corpus.Value;

    public ParsedDocument Document(string slug) => _documents.GetOrAdd(slug, s => new Lazy<ParsedDocument>(
        () => CorpusParser.ParseFile(Directory, Manifest.Documents.Single(d => d.Slug == s)))).Value;

    public string SourceText(string slug) =>
        File.ReadAllText(Path.Combine(Directory, Manifest.Documents.Single(d => d.Slug == slug).SourceFile));

    public Paragraph Paragraph(string slug, string id) => Document(slug).Paragraphs.Single(p => p.Id == id);
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
