using System.Globalization;
using System.Text;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Corpus;

/// <summary>Per-document counts of what the parser produced and what it dropped, by reason.</summary>
public static class ParseReport
{
    public static string Render(ParsedCorpus corpus)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{"document",-26} {"lines",6} {"sections",8} {"paras",6} {"subitems",8} {"footnotes",9} {"refs",5} {"recs",5} {"links",6} " +
            $"{"transl",6} {"dropped",7}");
        foreach (var d in corpus.Documents)
        {
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
        }

        var byMechanism = corpus.Recommendations.GroupBy(r => r.Mechanism).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        sb.AppendLine(inv, $"corpus: {corpus.Documents.Count} documents, {corpus.Recommendations.Count} recommendations/questions " +
            $"({string.Join(", ", byMechanism)}), {corpus.ResponseLinks.Count} response links");
        return sb.ToString();
    }
}
