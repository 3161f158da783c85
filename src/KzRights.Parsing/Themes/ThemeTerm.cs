using System.Text;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Themes;

/// <summary>A phrase that indicates a theme. Phrases are written in lower case in a small notation:
/// <c>*</c> ends a stem (<c>пытк*</c> matches пытки, пыток), <c>-</c> inside a word also matches a space or
/// nothing (<c>ill-treatment</c>), <c>…</c> stands for up to three words (<c>участник* … договор*</c>). Matches
/// start and end on word boundaries, so <c>rape</c> never fires inside "grape".</summary>
public sealed class ThemeTerm
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _pattern;
    private readonly string _anchor;
    private readonly Regex[] _requiredContext;

    public ThemeTerm(string phrase, TermWeight weight, IReadOnlyList<string>? requiresAnyOf = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        Phrase = phrase;
        Weight = weight;
        RequiresAnyOf = requiresAnyOf ?? [];
        _pattern = Compile(phrase);
        _anchor = Anchor(phrase);
        _requiredContext = RequiresAnyOf.Select(Compile).ToArray();
    }

    public string Phrase { get; }

    public TermWeight Weight { get; }

    /// <summary>For a word that is ambiguous on its own ("association"): it only counts when one of these phrases
    /// also occurs somewhere in the same text.</summary>
    public IReadOnlyList<string> RequiresAnyOf { get; }

    public override string ToString() => Weight == TermWeight.Weak ? "~" + Phrase : Phrase;

    /// <summary>Matches in a text already normalised by <see cref="ThemeText.Normalize"/>.</summary>
    internal IEnumerable<Match> Matches(string normalizedText)
    {
        // A plain substring test first: most terms do not occur in most texts, and IndexOf is far cheaper than a scan.
        if (!normalizedText.Contains(_anchor, StringComparison.Ordinal))
        {
            return [];
        }

        if (_requiredContext.Length > 0 && !_requiredContext.Any(r => r.IsMatch(normalizedText)))
        {
            return [];
        }

        return _pattern.Matches(normalizedText);
    }

    internal static Regex Compile(string phrase)
    {
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(@"(?<!\w)");
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token is "…" or "...")
            {
                // Up to three intervening words; the separator after the gap is added by the next token.
                sb.Append(@"(?:\S+\s+){0,3}");
                continue;
            }

            var stem = token.EndsWith('*');
            var word = stem ? token[..^1] : token;
            var parts = word.Split('-');
            sb.Append(string.Join(@"[-\s]?", parts.Select(Regex.Escape)));
            sb.Append(stem ? @"\w*" : @"(?!\w)");
            if (i < tokens.Length - 1)
            {
                sb.Append(@"\s+");
            }
        }

        return new Regex(sb.ToString(), RegexOptions.CultureInvariant, MatchTimeout);
    }

    // The longest hyphen-free literal of the first word: every match contains it, so its absence rules a text out.
    private static string Anchor(string phrase)
    {
        var first = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(t => t is not ("…" or "..."));
        return first.TrimEnd('*').Split('-').MaxBy(p => p.Length) ?? string.Empty;
    }
}
