namespace KzRights.Parsing.Indicators;

/// <summary>A span of the paragraph text.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>Splits a paragraph into sentences. Periods of abbreviations (<c>No.</c>, <c>art.</c>, <c>г.</c>),
/// initials (<c>Ж.С.</c>) and decimals do not end a sentence, so a number's context never leaks into the
/// neighbouring sentence.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "art", "arts", "para", "paras", "mr", "mrs", "ms", "dr", "st", "vs", "cf", "e.g", "i.e",
        "approx", "inc", "ltd", "г", "гг", "ст", "п", "пп", "ч", "тыс", "млн", "млрд", "др", "т.е", "т.д", "им",
        "ул", "обл", "р-н", "руб",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var next = i + 1;
            if (next < text.Length && !char.IsWhiteSpace(text[next]) && text[next] is not ('"' or '”' or '»' or ')'))
            {
                continue;
            }

            var after = next;
            while (after < text.Length && (char.IsWhiteSpace(text[after]) || text[after] is '"' or '”' or '»' or ')'))
            {
                after++;
            }

            if (after < text.Length && !StartsSentence(text[after]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            sentences.Add(new TextSpan(start, next));
            start = after;
            i = after - 1;
        }

        if (start < text.Length)
        {
            sentences.Add(new TextSpan(start, text.Length));
        }

        return sentences;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '«' or '(' or '‘' or '\'';

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // Initials ("K.K. Tokayev", "Ж.С.") and single letters are never sentence ends in this corpus.
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        if (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(p => p.Length <= 1))
        {
            return true;
        }

        return Abbreviations.Contains(word);
    }
}
