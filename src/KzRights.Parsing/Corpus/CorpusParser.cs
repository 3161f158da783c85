using System.Text;
using KzRights.Parsing.Layouts;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Corpus;

/// <summary>Parses the whole corpus described by a manifest: one parser per layout, then the recommendations of
/// all documents merged by id (the same UPR recommendation may be answered by more than one document).</summary>
public static class CorpusParser
{
    public static IReadOnlyList<IDocumentParser> Parsers { get; } =
    [
        new CommunicationReplyParser(),
        new UprNationalReportParser(),
        new ListOfIssuesRepliesParser(),
        new GovernmentReviewParser(),
        new ConcludingObservationsParser(),
    ];

    /// <summary>The corpus folder of this repository, found by walking up from <paramref name="start"/>.</summary>
    public static string LocateCorpusDirectory(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "corpus");
            if (File.Exists(Path.Combine(candidate, CorpusManifest.FileName)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no data/corpus/{CorpusManifest.FileName} above {start ?? AppContext.BaseDirectory}");
    }

    public static ParsedCorpus ParseDirectory(string corpusDirectory)
    {
        var manifest = CorpusManifest.Load(corpusDirectory);
        var documents = manifest.Documents
            .Select(meta => ParseFile(corpusDirectory, meta))
            .ToArray();
        return Combine(documents, CorpusManifest.ComputeManifestHash(corpusDirectory));
    }

    public static ParsedDocument ParseFile(string corpusDirectory, DocumentMetadata metadata)
    {
        var path = Path.Combine(corpusDirectory, metadata.SourceFile);
        var bytes = File.ReadAllBytes(path);
        var actual = CorpusManifest.Sha256Hex(bytes);
        if (!string.Equals(actual, metadata.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ParseException(
                metadata.SourceFile,
                0,
                $"SHA-256 is {actual}, the manifest says {metadata.Sha256}: update the manifest after checking the change");
        }

        return Parse(metadata, new UTF8Encoding(false, true).GetString(bytes));
    }

    public static ParsedDocument Parse(DocumentMetadata metadata, string text)
    {
        var parser = Parsers.SingleOrDefault(p => p.Layout == metadata.Layout)
            ?? throw new ParseException(metadata.SourceFile, 0, $"no parser for layout {metadata.Layout}");
        return parser.Parse(new SourceDocument(metadata, text));
    }

    public static ParsedCorpus Combine(IReadOnlyList<ParsedDocument> documents, string manifestHash)
    {
        var recommendations = new SortedDictionary<string, Recommendation>(StringComparer.Ordinal);
        foreach (var rec in documents.SelectMany(d => d.Recommendations))
        {
            if (!recommendations.TryGetValue(rec.Id, out var existing))
            {
                recommendations.Add(rec.Id, rec);
            }
            else if (existing.Text is null && rec.Text is not null)
            {
                // A document that quotes the recommendation's text wins over one that only cites its id.
                recommendations[rec.Id] = rec;
            }
        }

        var links = documents.SelectMany(d => d.ResponseLinks)
            .Distinct()
            .ToArray();
        return new ParsedCorpus(documents, recommendations.Values.ToArray(), links, manifestHash);
    }
}
