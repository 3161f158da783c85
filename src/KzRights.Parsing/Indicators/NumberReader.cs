using System.Globalization;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Indicators;

internal enum NumberForm
{
    Digits,
    Word,
    OrdinalDigits,
    OrdinalWord,

    /// <summary>"two-and-a-half-fold", "three-fold": a multiplier written as one word.</summary>
    Fold,
}

/// <summary>A number as printed: where it is, its value, how it is written.</summary>
internal sealed record NumberToken(int Start, int End, decimal Value, NumberForm Form, string? ImpliedScale)
{
    public bool IsOrdinal => Form is NumberForm.OrdinalDigits or NumberForm.OrdinalWord;

    public bool IsWord => Form is NumberForm.Word or NumberForm.OrdinalWord or NumberForm.Fold;

    /// <summary>A plain integer of four digits between 1900 and 2100, i.e. a year wherever it stands.</summary>
    public bool IsYear(string text) =>
        Form == NumberForm.Digits && End - Start == 4 && Value is >= 1900 and <= 2100 && decimal.Truncate(Value) == Value
        && !text.AsSpan(Start, 4).Contains(',');
}

/// <summary>Finds the numbers of a text and reads their values. Numbers glued to letters, slashes or other
/// numbers by hyphens (<c>COVID-19</c>, <c>AL KAZ 4/2025</c>, <c>“2-10-20”</c>, <c>117-NPM</c>, <c>30-day</c>)
/// are names, symbols or compound adjectives and are not returned.</summary>
internal static partial class NumberReader
{
    public static IReadOnlyList<NumberToken> Read(string text, string language)
    {
        var tokens = new List<NumberToken>();
        foreach (Match m in DigitsPattern().Matches(text))
        {
            var token = ReadDigits(text, m, language);
            if (token is not null)
            {
                tokens.Add(token);
            }
        }

        foreach (Match m in WordPattern().Matches(text))
        {
            var token = ReadWord(text, m);
            if (token is not null)
            {
                tokens.Add(token);
            }
        }

        return [.. tokens.OrderBy(t => t.Start)];
    }

    /// <summary>The value of digits as printed: a comma followed by groups of exactly three digits separates
    /// thousands in English; otherwise, and always in Russian, a comma is a decimal comma.</summary>
    public static decimal? ParseDigits(string printed, string language)
    {
        var s = printed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (s.Count(c => c == '.') > 1)
        {
            return null;
        }

        var commas = s.Count(c => c == ',');
        if (commas > 0)
        {
            var groups = s.Split(',');
            var thousands = language != "ru" && groups[0].Length is >= 1 and <= 3 && !groups[0].Contains('.', StringComparison.Ordinal)
                && groups.Skip(1).Take(groups.Length - 2).All(g => g.Length == 3)
                && LastGroupDigits(groups[^1]) == 3;
            if (thousands)
            {
                s = s.Replace(",", string.Empty, StringComparison.Ordinal);
            }
            else if (commas == 1 && !s.Contains('.', StringComparison.Ordinal))
            {
                s = s.Replace(',', '.');
            }
            else
            {
                return null;
            }
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static int LastGroupDigits(string group)
    {
        var dot = group.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? group.Length : dot;
    }

    private static NumberToken? ReadDigits(string text, Match m, string language)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        if (IsGluedBefore(text, start) || IsHyphenChain(text, start, end))
        {
            return null;
        }

        var form = NumberForm.Digits;
        var suffix = OrdinalSuffixPattern().Match(text, end);
        if (suffix.Success && suffix.Index == end)
        {
            form = NumberForm.OrdinalDigits;
            end += suffix.Length;
        }
        else if (IsGluedAfter(text, end))
        {
            return null;
        }

        var value = ParseDigits(m.Value, language);
        return value is null ? null : new NumberToken(start, end, value.Value, form, null);
    }

    private static NumberToken? ReadWord(string text, Match m)
    {
        var word = m.Value;
        var fold = FoldPattern().Match(word);
        if (fold.Success)
        {
            var baseValue = NumberWords.Cardinal(fold.Groups["n"].Value)
                ?? (int.TryParse(fold.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null);
            if (baseValue is null)
            {
                return null;
            }

            var value = baseValue.Value + (fold.Groups["half"].Success ? 0.5m : 0m);
            return new NumberToken(m.Index, m.Index + m.Length, value, NumberForm.Fold, null);
        }

        if (word.Equals("thousand", StringComparison.OrdinalIgnoreCase) && m.Index >= 2
            && text.AsSpan(m.Index - 2, 2).Equals("a ", StringComparison.OrdinalIgnoreCase)
            && (m.Index == 2 || !char.IsLetter(text[m.Index - 3])))
        {
            return new NumberToken(m.Index - 2, m.Index + m.Length, 1m, NumberForm.Word, IndicatorScale.Thousand);
        }

        if (NumberWords.Cardinal(word) is { } cardinal)
        {
            return new NumberToken(m.Index, m.Index + m.Length, cardinal, NumberForm.Word, null);
        }

        if (NumberWords.Ordinal(word) is { } ordinal)
        {
            return new NumberToken(m.Index, m.Index + m.Length, ordinal, NumberForm.OrdinalWord, null);
        }

        return null;
    }

    private static bool IsGluedBefore(string text, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var p = text[start - 1];
        // A number right after a closing quote is a page number of a table of contents ("On Public Control"8).
        if (char.IsLetter(p) || p is '/' or '\\' or '_' or '@' or '"' or '”' or '»' || char.IsDigit(p))
        {
            return true;
        }

        if (p is '.' or '-' && start >= 2 && (char.IsLetterOrDigit(text[start - 2])))
        {
            // "SR.4226", "WG.6", "COVID-19", "DSM-92"; a hyphen after a digit is a range, handled elsewhere.
            return p == '.' || char.IsLetter(text[start - 2]);
        }

        // "21 / 11/2025"
        return SlashBefore().IsMatch(text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start)));
    }

    private static bool IsGluedAfter(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }

        var n = text[end];
        if (char.IsLetter(n) || n is '/' or '_' or '@')
        {
            return true;
        }

        if (n is '-' or '‑' && end + 1 < text.Length && char.IsLetter(text[end + 1]))
        {
            // "117-NPM", "72-VIII", "30-day", "24-hour": a name or a compound adjective.
            return true;
        }

        return SlashAfter().IsMatch(text.AsSpan(end, Math.Min(3, text.Length - end)));
    }

    private static bool IsHyphenChain(string text, int start, int end)
    {
        // "2-10-20", "5-10-20": three or more numbers joined by hyphens are a name.
        var left = start;
        var parts = 1;
        while (left >= 2 && text[left - 1] == '-' && char.IsDigit(text[left - 2]))
        {
            left -= 2;
            while (left > 0 && char.IsDigit(text[left - 1]))
            {
                left--;
            }

            parts++;
        }

        var right = end;
        while (right + 1 < text.Length && text[right] == '-' && char.IsDigit(text[right + 1]))
        {
            right += 2;
            while (right < text.Length && char.IsDigit(text[right]))
            {
                right++;
            }

            parts++;
        }

        return parts >= 3;
    }

    [GeneratedRegex(@"\d{1,3}(?:[ \u00A0]\d{3})+(?!\d|[.,]\d)|\d+(?:[.,]\d+)*")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"\G(?:st|nd|rd|th)\b")]
    private static partial Regex OrdinalSuffixPattern();

    [GeneratedRegex(@"\p{L}+(?:[-‑]\p{L}+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?<n>\p{L}+|\d+)(?<half>-and-a-half)?-fold$", RegexOptions.IgnoreCase)]
    private static partial Regex FoldPattern();

    [GeneratedRegex(@"/\s*$")]
    private static partial Regex SlashBefore();

    [GeneratedRegex(@"^\s*/")]
    private static partial Regex SlashAfter();
}
