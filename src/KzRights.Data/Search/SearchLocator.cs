using System.Text.RegularExpressions;
using KzRights.Parsing.Text;

namespace KzRights.Data.Search;

/// <summary>A query that names a record by its printed locator, as people cite them: <c>CCPR/C/KAZ/CO/3 para 20</c>,
/// <c>139.30</c>, <c>12 (a)</c>, <c>para. 31</c>. The records it names come before the full-text matches.</summary>
public sealed partial record SearchLocator(string? Symbol, string? Locator, bool NamesParagraph)
{
    /// <summary>The score of the first record a locator names, above any full-text score; each further one scores
    /// one less, so they keep their order and page like other hits.</summary>
    public const double Score = 1_000_000;

    /// <summary>The locator in <paramref name="query"/>, when the whole query is one (a symbol, a locator, or a
    /// symbol followed by a locator); null otherwise.</summary>
    public static SearchLocator? TryParse(string? query)
    {
        var match = LocatorQuery().Match(query ?? string.Empty);
        if (!match.Success || !(match.Groups["symbol"].Success || match.Groups["locator"].Success))
        {
            return null;
        }

        var locator = match.Groups["locator"].Success ? NormalizeLocator(match.Groups["locator"].Value) : null;
        var symbol = match.Groups["symbol"].Success ? match.Groups["symbol"].Value.ToUpperInvariant() : null;
        return new SearchLocator(symbol, locator, match.Groups["para"].Success || symbol is not null);
    }

    /// <summary>As the documents print keys: <c>12(a)</c> → <c>12 (a)</c>, <c>14 (e)(f)</c> → <c>14 (e) and (f)</c>.</summary>
    private static string NormalizeLocator(string printed)
    {
        var number = LeadingNumber().Match(printed).Value;
        // Keys are stored in ASCII; a query may type a Cyrillic look-alike ("12 (а)") as the sources sometimes print it.
        var letters = Letter().Matches(TextCleaner.FoldCyrillicLookalikes(printed)).Select(m => $"({m.Groups[1].Value.ToLowerInvariant()})").ToArray();
        return letters.Length switch
        {
            0 => number,
            _ => $"{number} " + string.Join(", ", letters[..^1]) + (letters.Length > 1 ? " and " : string.Empty) + letters[^1],
        };
    }

    // A UN symbol has at least two parts separated by '/', the first a letter: CCPR/C/KAZ/CO/3, A/HRC/WG.6/48/KAZ/1.
    [GeneratedRegex(
        @"^\s*(?:(?<symbol>\p{L}[\p{L}\d.]*(?:/[\p{L}\d.]+)+)[\s,]*)?(?:(?<para>para(?:graph)?s?\.?|§|п\.)\s*)?" +
        @"(?<locator>\d{1,4}(?:\.\d{1,4})?(?:\s*\(\s*\p{L}\s*\)(?:\s*(?:,|and)?\s*\(\s*\p{L}\s*\))*)?)?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex LocatorQuery();

    [GeneratedRegex(@"^\d+(?:\.\d+)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\(\s*(\p{L})\s*\)")]
    private static partial Regex Letter();
}
