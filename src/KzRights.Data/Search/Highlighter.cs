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

    // A word matches a token when its stem is the stem of one of the token's forms: the same rule the index applies,
    // so what is highlighted is what matched ("women" for "woman", "квотой" for "квоты"). The snippet starts at or before
    // the first match and is at most SnippetLength long, so no word starting SnippetLength after the first match is in it:
    // stemming stops there (stemming every word of every hit's text was a fifth of a search's CPU).
    private static List<Highlight> FindWords(string text, SearchTerms terms)
    {
        var stems = terms.StemGroups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        var result = new List<Highlight>();
        foreach (System.Text.RegularExpressions.ValueMatch word in SearchStemmer.WordPattern().EnumerateMatches(text))
        {
            if (result.Count > 0 && word.Index >= result[0].Start + SnippetLength)
            {
                break;
            }

            if (stems.Contains(SearchStemmer.Stem(text.Substring(word.Index, word.Length))))
            {
                result.Add(new Highlight(word.Index, word.Length));
            }
        }

        return result;
    }
}
