using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Corpus;

/// <summary>What <see cref="SyntheticCorpus.Write"/> produced.</summary>
public sealed record SyntheticCorpusSummary(string Directory, int Documents, int Paragraphs, int Copies);

/// <summary>Multiplies a real corpus into a larger synthetic one for scale tests: every document is copied, round
/// after round, under a new slug and a new symbol until the requested paragraph count is reached. The text keeps the
/// real layout (only the document's own symbol is rewritten where the text prints it), so each copy goes through the
/// same parser and analysis as the original; the new folder has a manifest of its own with each copy's SHA-256.</summary>
public static partial class SyntheticCorpus
{
    public static SyntheticCorpusSummary Write(string sourceDirectory, string outputDirectory, int paragraphs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paragraphs, 1);
        var manifest = CorpusManifest.Load(sourceDirectory);
        var originals = manifest.Documents
            .Select(meta => (Metadata: meta, Text: File.ReadAllText(Path.Combine(sourceDirectory, meta.SourceFile), Encoding.UTF8),
                Paragraphs: CorpusParser.ParseFile(sourceDirectory, meta).Paragraphs.Count))
            .ToArray();
        if (originals.Sum(o => o.Paragraphs) == 0)
        {
            throw new InvalidDataException($"{sourceDirectory}: the corpus has no paragraphs to multiply");
        }

        Directory.CreateDirectory(outputDirectory);
        var written = new List<DocumentMetadata>();
        var total = 0;
        var copy = 0;
        while (total < paragraphs)
        {
            copy++;
            foreach (var (metadata, text, count) in originals)
            {
                if (total >= paragraphs)
                {
                    break;
                }

                var symbol = CopySymbol(metadata.Symbol, copy);
                var copyText = metadata.Symbol is null ? text : text.Replace(metadata.Symbol, symbol, StringComparison.Ordinal);
                var bytes = new UTF8Encoding(false).GetBytes(copyText);
                var file = $"synth_{copy.ToString("D5", CultureInfo.InvariantCulture)}_{metadata.SourceFile}";
                File.WriteAllBytes(Path.Combine(outputDirectory, file), bytes);
                written.Add(metadata with
                {
                    Slug = $"{metadata.Slug}-s{copy.ToString(CultureInfo.InvariantCulture)}",
                    Symbol = symbol,
                    SourceFile = file,
                    Sha256 = CorpusManifest.Sha256Hex(bytes),
                });
                total += count;
            }
        }

        File.WriteAllText(Path.Combine(outputDirectory, CorpusManifest.FileName),
            JsonSerializer.Serialize(new CorpusManifest(written), CorpusManifest.JsonOptions), new UTF8Encoding(false));
        return new SyntheticCorpusSummary(outputDirectory, written.Count, total, copy);
    }

    // Titles stay as they are: parsers recognise the printed title among the masthead lines.

    /// <summary>A symbol no real document has that the layout's parser still accepts: UN symbols get a country segment
    /// <c>KAZ.S{n}</c> (the <c>/CO/n</c> and <c>/RQ/n</c> endings the parsers read stay), communication references
    /// (<c>AL KAZ 4/2025</c>) a number of their own.</summary>
    public static string? CopySymbol(string? symbol, int copy)
    {
        if (symbol is null)
        {
            return null;
        }

        if (CommunicationReference().Match(symbol) is { Success: true } reference)
        {
            var number = int.Parse(reference.Groups["number"].Value, CultureInfo.InvariantCulture) + (copy * 1000);
            return $"{reference.Groups["prefix"].Value}{number.ToString(CultureInfo.InvariantCulture)}{reference.Groups["year"].Value}";
        }

        return CountrySegment().IsMatch(symbol)
            ? CountrySegment().Replace(symbol, $"/KAZ.S{copy.ToString(CultureInfo.InvariantCulture)}/", 1)
            : $"{symbol} S{copy.ToString(CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z]+ [A-Z]{3} )(?<number>\d+)(?<year>/\d{4})$")]
    private static partial Regex CommunicationReference();

    [GeneratedRegex("/KAZ/")]
    private static partial Regex CountrySegment();
}
