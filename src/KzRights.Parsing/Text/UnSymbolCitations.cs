using System.Text.RegularExpressions;
using KzRights.Parsing.Model;

namespace KzRights.Parsing.Text;

/// <summary>Reads citations of UN documents out of a footnote or reference text: each document symbol
/// (<c>CCPR/C/KAZ/CO/2</c>, <c>CCPR/C/SR.4226</c>) or <c>Ibid.</c>, with the paragraphs that follow it
/// (<c>, para. 8</c>, <c>, paras. 22 and 24</c>). Any layout whose notes cite UN symbols can use it.</summary>
public static partial class UnSymbolCitations
{
    /// <summary>Parses the citations of <paramref name="text"/> in reading order. <c>Ibid.</c> stands for the last
    /// symbol cited before it: earlier in the same text, else <paramref name="previousSymbol"/> (the last symbol of
    /// the notes before). Returns false, with no citations, when an <c>Ibid.</c> has nothing to refer to.</summary>
    public static bool TryParse(string text, string? previousSymbol, out IReadOnlyList<Citation> citations, out string? lastSymbol)
    {
        var found = new List<Citation>();
        lastSymbol = previousSymbol;
        foreach (Match m in CitationPattern().Matches(text))
        {
            var symbol = m.Groups["symbol"].Success ? m.Groups["symbol"].Value : lastSymbol;
            if (symbol is null)
            {
                citations = [];
                return false;
            }

            lastSymbol = symbol;
            found.Add(new Citation(symbol, SplitParagraphList(m.Groups["paras"].Value)));
        }

        citations = found;
        return true;
    }

    /// <summary>Whether a symbol names concluding observations (<c>…/CO/2</c>), the usual source of "previous
    /// recommendations".</summary>
    public static bool IsConcludingObservations(string symbol) => ConcludingObservationsSymbol().IsMatch(symbol);

    private static string[] SplitParagraphList(string list) =>
        list.Length == 0
            ? []
            : ListSeparator().Split(list).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();

    // A symbol needs two slashes at least, so that "HIV/AIDS" or "and/or" never pass for one; a trailing full stop
    // ends the sentence, it is not part of the symbol.
    [GeneratedRegex(@"(?:(?<symbol>\b[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*){2,})|" +
        @"\b(?i:ibid)\b\.?)(?:\s*,\s*paras?\.\s*(?<paras>\d+(?:\s*\([a-z]+\))*(?:\s*[–-]\s*\d+)?(?:(?:\s*,\s*|" +
            @"\s*,?\s+and\s+)\d+(?:\s*\([a-z]+\))*(?:\s*[–-]\s*\d+)?)*))?")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"\s*,\s*|\s*,?\s+and\s+")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"/CO/\d")]
    private static partial Regex ConcludingObservationsSymbol();
}
