using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Recognises a paragraph that a page break cut in two: the converter leaves the text before the break
/// on one line and resumes it on a later one, with nothing marking the join except the sentence itself.</summary>
public static partial class PageBreakContinuation
{
    /// <summary>True when clean text does not end a sentence or a lead-in (no <c>. ! ? : ; …</c>, optionally
    /// followed by closing quotes or brackets).</summary>
    public static bool EndsMidSentence(string cleanText) =>
        cleanText.Length > 0 && !TerminalPunctuation().IsMatch(cleanText);

    /// <summary>True when clean text starts with a lower-case letter, which no paragraph or heading does.</summary>
    public static bool StartsMidSentence(string cleanText) => cleanText.Length > 0 && char.IsLower(cleanText[0]);

    /// <summary>Body text: <paramref name="next"/> continues <paramref name="previous"/> when the previous text stops
    /// mid-sentence and the next resumes in lower case, or when the previous stops on a comma (a list of names
    /// cut before a capitalised item).</summary>
    public static bool Continues(string previous, string next) =>
        EndsMidSentence(previous) && (StartsMidSentence(next) || previous.EndsWith(',')) && next.Length > 0;

    [GeneratedRegex(@"[.!?:;…][»”""’)\]*]*$")]
    private static partial Regex TerminalPunctuation();
}
