using System.Globalization;
using System.Text;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Corpus;

/// <summary>Per-document counts of what the parser produced and what it dropped, by reason.</summary>
public static class ParseReport
{
    public static string Render(ParsedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var sb = new StringBuilder(Header());
        foreach (var d in corpus.Documents)
        {
            sb.Append(Document(d));
        }

        return sb.Append(Totals(corpus.Documents.Count, corpus.Recommendations, corpus.ResponseLinks.Count)).ToString();
    }

    /// <summary>The column headings of the per-document lines.</summary>
    public static string Header() =>
        $"{"document",-26} {"lines",6} {"sections",8} {"paras",6} {"subitems",8} {"footnotes",9} {"refs",5} {"recs",5} {"links",6} " +
            $"{"transl",6} {"dropped",7}{Environment.NewLine}";

    /// <summary>One document's line, then its dropped lines by reason and its rejoined lines.</summary>
    public static string Document(ParsedDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{d.Id,-26} {d.Lines.Count,6} {d.Sections.Count,8} {d.Paragraphs.Count,6} {d.Paragraphs.Sum(p => p.SubItems.Count),8} " +
            $"{d.Paragraphs.Sum(p => p.Footnotes.Count),9} {d.References.Count,5} {d.Recommendations.Count,5} {d.ResponseLinks.Count,6} " +
                $"{d.Translations.Count,6} {d.Lines.Count(l => l.Fate == LineFate.Dropped),7}");
        foreach (var group in d.Lines.Where(l => l.Fate == LineFate.Dropped).GroupBy(l => l.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(inv, $"    dropped {group.Count(),4} × {group.Key}");
        }

        var joined = d.Lines.Count(l => l.Fate == LineFate.Joined);
        if (joined > 0)
        {
            sb.AppendLine(inv, $"    joined  {joined,4} × continuation lines rejoined to their paragraph");
        }

        return sb.ToString();
    }

    /// <summary>The corpus line: documents, recommendations (merged across documents) by mechanism, response links.</summary>
    public static string Totals(int documents, IEnumerable<Recommendation> recommendations, int responseLinks) =>
        Totals(documents, recommendations.Select(r => r.Mechanism), responseLinks);

    /// <summary>The totals line from the mechanism of each merged recommendation.</summary>
    public static string Totals(int documents, IEnumerable<string> recommendationMechanisms, int responseLinks)
    {
        var merged = recommendationMechanisms.ToList();
        var byMechanism = merged.GroupBy(m => m).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        return string.Create(CultureInfo.InvariantCulture, $"corpus: {documents} documents, {merged.Count} recommendations/questions " +
            $"({string.Join(", ", byMechanism)}), {responseLinks} response links{Environment.NewLine}");
    }
}
