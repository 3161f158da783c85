using KzRights.Parsing.Corpus;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Tests;

/// <summary>Parses the repository's corpus once for all tests of a collection.</summary>
public sealed class CorpusFixture
{
    public CorpusFixture()
    {
        Directory = CorpusParser.LocateCorpusDirectory();
        Corpus = CorpusParser.ParseDirectory(Directory);
    }

    public string Directory { get; }

    public ParsedCorpus Corpus { get; }

    public ParsedDocument Document(string slug) => Corpus.Documents.Single(d => d.Id == slug);

    public Paragraph Paragraph(string id) => Corpus.Documents.SelectMany(d => d.Paragraphs).Single(p => p.Id == id);
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
