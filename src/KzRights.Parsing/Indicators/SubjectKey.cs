using KzRights.Parsing.Text;

namespace KzRights.Parsing.Indicators;

/// <summary>The comparable form of a subject: lower case, British spelling, singular, without determiners and
/// without modifiers that do not change what is counted ("scheduled preventive visits" and "preventive visits"
/// are the same measure; "active NGOs" and "registered NGOs" are not).</summary>
public static class SubjectKey
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "its", "their", "these",
        "those", "this", "that", "such", "scheduled", "existing", "total", "overall", "additional", "new", "current",
        "some", "various", "different", "number", "share", "proportion", "percentage", "about", "than", "main",
        "key", "major",
    };

    private static readonly Dictionary<string, string> Spelling = new(StringComparer.Ordinal)
    {
        ["center"] = "centre", ["centers"] = "centres", ["organization"] = "organisation", ["organizations"] = "organisations",
        ["program"] = "programme", ["programs"] = "programmes", ["labor"] = "labour", ["mazhilis"] = "majilis",
    };

    /// <summary>The words of the key, in their original order.</summary>
    public static IReadOnlyList<string> Words(string subject)
    {
        var words = new List<string>();
        foreach (var raw in subject.ToLowerInvariant().Split([' ', ',', ';', ':', '(', ')', '"', '“', '”', '«', '»'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim('’', '\'', '.', '-');
            if (w.Length == 0 || Dropped.Contains(w))
            {
                continue;
            }

            w = Spelling.GetValueOrDefault(w, w);
            words.Add(Singular(w));
        }

        return words;
    }

    /// <summary>The key as one string, e.g. "preventive visit".</summary>
    public static string Of(string subject) => string.Join(' ', Words(subject));

    /// <summary>A URL slug of the key, e.g. "preventive-visit".</summary>
    public static string Slug(string subject)
    {
        var key = Of(subject);
        return StableId.Slug(key.Length == 0 ? "untitled" : key, 60);
    }

    private static string Singular(string word)
    {
        if (word.Length <= 3 || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal) || UnitLexicon.IsCyrillic(word))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('s') ? word[..^1] : word;
    }
}
