using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace KzRights.Data.Search;

/// <summary>Reduces words to their stems with the Snowball stemmers of Lucene.Net.Analysis.Common: Russian for
/// Cyrillic words, English for every other word. These are the algorithms behind PostgreSQL's <c>russian</c> and
/// <c>english</c> configurations, so SQLite (which indexes and queries the stems computed here) and PostgreSQL
/// conflate the same forms: квота, квоты, квоту, квотой → квот; rights, right → right.</summary>
public static partial class SearchStemmer
{
    // Snowball programs keep state between SetCurrent and Stem: one pair per thread.
    [ThreadStatic]
    private static SnowballProgram? _english;

    [ThreadStatic]
    private static SnowballProgram? _russian;

    /// <summary>The stem of one word (any case).</summary>
    public static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        var stemmer = IsCyrillic(lower) ? _russian ??= new RussianStemmer() : _english ??= new EnglishStemmer();
        stemmer.SetCurrent(lower);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The words of <paramref name="text"/> as stems separated by spaces: what the SQLite index holds.</summary>
    public static string StemText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (Match word in WordPattern().Matches(text))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Stem(word.Value));
        }

        return sb.ToString();
    }

    private static bool IsCyrillic(string word) => word.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>What counts as a word, for the index, the query and the highlighter alike.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    internal static partial Regex WordPattern();
}
