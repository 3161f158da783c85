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
/// <remarks>Each copy also reports in a reporting cycle of its own (<see cref="CopyCycle"/>), so the recommendations it
/// states or answers are its own, as those of another country or another cycle would be. With the cycles kept, every
/// copy of the UPR report answered the same 214 recommendations: at 963 copies each of them embedded 30,816 responses
/// (21 MB of JSON), a record no real corpus has, which set the memory of the scale runs.</remarks>
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
                    Title = CopyTitle(metadata.Title, copy),
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

    /// <summary>A symbol no real document has that the layout's parser still accepts: UN symbols get a country segment
    /// <c>KAZ.S{n}</c> and, in the <c>/CO/n</c> and <c>/RQ/n</c> endings the parsers read, the copy's cycle
    /// (<c>CCPR/C/KAZ.S5/CO/50003</c>); communication references (<c>AL KAZ 4/2025</c>) a number of their own.</summary>
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

        var cycled = ReportingCycleOfSymbol().Replace(symbol, m => $"/{m.Groups["kind"].Value}/{CopyCycle(m.Groups["cycle"].Value, copy)}", 1);
        return CountrySegment().IsMatch(cycled)
            ? CountrySegment().Replace(cycled, $"/KAZ.S{copy.ToString(CultureInfo.InvariantCulture)}/", 1)
            : $"{cycled} S{copy.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The manifest title with the UPR cycle the national report's parser reads from it (<c>(4th UPR cycle)</c>)
    /// moved to the copy's own cycle; other titles are kept (parsers recognise the printed title among the masthead
    /// lines).</summary>
    public static string CopyTitle(string title, int copy) =>
        UprCycleOfTitle().Replace(title, m => $"({CopyCycle(m.Groups["cycle"].Value, copy)}{m.Groups["suffix"].Value} UPR cycle)", 1);

    /// <summary>The copy's reporting cycle: the copy number in front of the real one (copy 5 of cycle 3 reports in cycle
    /// 50003), so the last digits, and with them the ordinal suffix, stay, and no two copies share a cycle. The parsers
    /// derive recommendation ids from it (<c>ccpr-3/20</c>, <c>cedaw-loi-6/1(a)</c>, <c>upr-3/139.30</c>).</summary>
    public static string CopyCycle(string cycle, int copy) =>
        ((copy * 10_000L) + long.Parse(cycle, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<prefix>[A-Z]+ [A-Z]{3} )(?<number>\d+)(?<year>/\d{4})$")]
    private static partial Regex CommunicationReference();

    // The cycle numbers the parsers read: ConcludingObservationsRecommendations (/CO/n), ListOfIssuesRepliesParser
    // (/RQ/n) and UprNationalReportParser (the manifest title's "(nth UPR cycle)").
    [GeneratedRegex(@"/(?<kind>CO|RQ)/(?<cycle>\d{1,4})\b")]
    private static partial Regex ReportingCycleOfSymbol();

    [GeneratedRegex(@"\((?<cycle>\d{1,4})(?<suffix>st|nd|rd|th) UPR cycle\)")]
    private static partial Regex UprCycleOfTitle();

    [GeneratedRegex("/KAZ/")]
    private static partial Regex CountrySegment();
}
