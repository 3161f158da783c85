using System.Globalization;

namespace KzRights.Data.Search;

/// <summary>Marks where the query's words occur in a text, for the snippets of one returned page.</summary>
public static class Highlighter
{
    public const int SnippetLength = 240;

    public sealed record Highlight(int Start, int Length);

    public sealed record Snippet(string Text, int TextOffset, IReadOnlyList<Highlight> Highlights);

    public static Snippet Build(string text, SearchTerms terms)
    {
        var hits = FindWords(text, terms);
        var first = hits.Count > 0 ? hits[0].Start : 0;
        var start = Math.Max(0, first - (SnippetLength / 3));
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            end = space > start ? space : end;
        }

        var highlights = hits
            .Where(h => h.Start >= start && h.Start + h.Length <= end)
            .Select(h => new Highlight(h.Start - start, h.Length))
            .ToArray();
        return new Snippet(text[start..end], start, highlights);
    }

    // A word matches a token when they share a prefix of at least the token's length or, for stemmed matches
    // ("women" / "woman", "rights" / "right"), all but the last two characters of the shorter one (min. 4).
    private static List<Highlight> FindWords(string text, SearchTerms terms)
    {
        var result = new List<Highlight>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i].ToLower(CultureInfo.InvariantCulture);
            if (terms.Tokens.Any(t => Matches(word, t)))
            {
                result.Add(new Highlight(start, i - start));
            }
        }

        return result;
    }

    private static bool Matches(string word, string token)
    {
        if (word.StartsWith(token, StringComparison.Ordinal))
        {
            return true;
        }

        var shorter = Math.Min(word.Length, token.Length);
        var needed = Math.Max(4, shorter - 2);
        return shorter >= needed && word.Length >= needed && token.Length >= needed &&
            string.CompareOrdinal(word, 0, token, 0, needed) == 0;
    }
}
