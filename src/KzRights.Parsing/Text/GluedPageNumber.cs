using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Tables of contents converted from PDF lose the dot leaders, so the page number ends up glued to the
/// title (<c>…"On Public Control"8</c>, <c>…until 202630</c>). This splits it off again.</summary>
public static partial class GluedPageNumber
{
    /// <summary>Splits a table-of-contents entry into its title and page number (null when none is printed).
    /// Digits glued to a letter or punctuation are the page number. Digits after a space or hyphen belong to the
    /// title (<c>until 2026</c>, <c>COVID-19</c>) unless there are more than four of them and they start like a
    /// year: then the year keeps four digits and the rest is the page number (<c>until 202630</c> →
    /// <c>until 2026</c>, page 30).</summary>
    public static (string Title, int? Page) Split(string entry)
    {
        var text = entry.Trim();
        var match = TrailingDigits().Match(text);
        if (!match.Success || match.Groups["title"].Length == 0)
        {
            return (text, null);
        }

        var title = match.Groups["title"].Value;
        var digits = match.Groups["digits"].Value;
        // After a space or a hyphen the digits start a number of the title (until 2026, COVID-19, 2021-2025).
        if (!char.IsWhiteSpace(title[^1]) && title[^1] != '-')
        {
            return digits.Length <= 4 ? (title.TrimEnd(), Page(digits)) : (text, null);
        }

        if (digits.Length is > 4 and <= 8 && YearStart().IsMatch(digits))
        {
            return (title + digits[..4], Page(digits[4..]));
        }

        return (text, null);
    }

    private static int Page(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<title>.*?)(?<digits>\d+)$", RegexOptions.Singleline)]
    private static partial Regex TrailingDigits();

    [GeneratedRegex(@"^(19|20)\d\d")]
    private static partial Regex YearStart();
}
