namespace KzRights.Parsing.Text;

/// <summary>How a piece of text begins and ends as a sentence, for rejoining paragraphs that a page break or a
/// text box cut in two. Text is expected to be cleaned (<see cref="TextCleaner.Clean"/>) already.</summary>
public static class SentenceEdges
{
    // Closed-class words: a text ending with one is cut mid-clause, and a text starting with one (capitalised)
    // opens a sentence of its own rather than continuing a cut one.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "with", "from", "into", "onto", "upon",
        "and", "or", "nor", "but", "as", "than", "that", "which", "who", "whom", "whose", "its", "their", "our",
        "his", "her", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has", "have",
        "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "such",
        "under", "over", "between", "among", "about", "after", "before", "during", "until", "till", "within",
        "without", "through", "per", "via", "including", "towards", "toward", "against", "since", "if", "when",
        "where", "while", "there", "it", "we", "they", "he", "she", "all", "each", "every", "some", "any", "both",
    };

    private static readonly char[] ClosingMarks = ['"', '\'', '”', '’', '»', ')', ']', '*', ' '];

    /// <summary>True when the text ends a sentence: a full stop, question or exclamation mark or colon, possibly
    /// followed by closing quotes or brackets, asterisks or superscript digits.</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        var end = trimmed.Length;
        while (end > 0 && (TextCleaner.IsSuperscriptDigit(trimmed[end - 1]) || Array.IndexOf(ClosingMarks, trimmed[end - 1]) >= 0))
        {
            end--;
        }

        return end > 0 && trimmed[end - 1] is '.' or '!' or '?' or ':';
    }

    /// <summary>True when the text stops where no sentence can stop: after a comma, semicolon or dash, after a
    /// function word (<c>…reflected in the</c>), after a number (<c>…hosts 27</c>) or after a capitalised word
    /// that names something (<c>…the World Health</c>).</summary>
    public static bool EndsMidClause(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0 || EndsSentence(trimmed))
        {
            return false;
        }

        if (trimmed[^1] is ',' or ';' or '–' or '—' or '-')
        {
            return true;
        }

        var lastWord = LastWord(trimmed);
        return lastWord.Length > 0 && (FunctionWords.Contains(lastWord) || lastWord.All(char.IsDigit) || char.IsUpper(lastWord[0]));
    }

    /// <summary>True when the first letter or digit of the text is a lower-case letter (quotes skipped).</summary>
    public static bool StartsLowerCase(string text) => FirstSignificant(text) is { } c && char.IsLower(c);

    public static bool StartsWithDigit(string text) => FirstSignificant(text) is { } c && char.IsDigit(c);

    /// <summary>True when the text starts with a capitalised function word (<c>In…</c>, <c>The…</c>, <c>On…</c>).</summary>
    public static bool StartsWithFunctionWord(string text) => FunctionWords.Contains(FirstWord(text));

    public static bool StartsUpperCase(string text) => FirstSignificant(text) is { } c && char.IsUpper(c);

    public static string FirstWord(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    public static string LastWord(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            start--;
        }

        return text[start..end];
    }

    private static char? FirstSignificant(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return c;
            }
        }

        return null;
    }
}
