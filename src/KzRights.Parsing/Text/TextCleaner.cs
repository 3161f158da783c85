using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Removes conversion artefacts from a line. Each function removes one kind, so parsers can say
/// exactly what they dropped.</summary>
public static partial class TextCleaner
{
    /// <summary>Removes <c>[bookmark: _Hlk…]</c> markers.</summary>
    public static string StripBookmarks(string text) => BookmarkPattern().Replace(text, string.Empty);

    /// <summary>Removes markdown emphasis (<c>**bold**</c>, <c>*italic*</c>) but keeps a lone asterisk used as a
    /// footnote marker (<c>Kazakhstan*</c>, <c>* Adopted by…</c>).</summary>
    public static string StripEmphasis(string text)
    {
        var withoutBold = text.Replace("**", string.Empty, StringComparison.Ordinal);
        return ItalicPattern().Replace(withoutBold, "$1");
    }

    /// <summary>Tabs and runs of spaces become one space; ends are trimmed.</summary>
    public static string NormalizeWhitespace(string text) => WhitespacePattern().Replace(text, " ").Trim();

    /// <summary>Bookmarks, emphasis and white space: what every body line needs.</summary>
    public static string Clean(string text) => NormalizeWhitespace(StripEmphasis(StripBookmarks(text)));

    /// <summary>The start of a line for an error message: enough to find it, short enough to read.</summary>
    public static string Preview(string text) => text.Length <= 80 ? text : text[..80] + "…";

    public static bool IsBookmarkOnly(string line) => StripBookmarks(line).Trim().Length == 0 && line.Contains("[bookmark:", StringComparison.Ordinal);

    public static bool IsImageFileName(string line) => ImagePattern().IsMatch(line.Trim());

    /// <summary>Superscript digits used as footnote markers.</summary>
    public static bool IsSuperscriptDigit(char c) => c is '⁰' or '¹' or '²' or '³' or '⁴' or '⁵' or '⁶' or '⁷' or '⁸' or '⁹';

    /// <summary>The ASCII value of a run of superscript digits ("¹⁰" → "10").</summary>
    public static string SuperscriptToAscii(string marker)
    {
        var sb = new StringBuilder(marker.Length);
        foreach (var c in marker)
        {
            sb.Append(c switch
            {
                '⁰' => '0', '¹' => '1', '²' => '2', '³' => '3', '⁴' => '4',
                '⁵' => '5', '⁶' => '6', '⁷' => '7', '⁸' => '8', '⁹' => '9',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Removes superscript footnote markers from body text and returns where each stood in the result.</summary>
    public static (string Text, IReadOnlyList<(string Marker, int Offset)> Markers) ExtractFootnoteMarkers(string text)
    {
        var sb = new StringBuilder(text.Length);
        var markers = new List<(string, int)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSuperscriptDigit(text[i]))
            {
                sb.Append(text[i]);
                continue;
            }

            var start = i;
            while (i + 1 < text.Length && IsSuperscriptDigit(text[i + 1]))
            {
                i++;
            }

            markers.Add((SuperscriptToAscii(text[start..(i + 1)]), sb.Length));
        }

        return (sb.ToString(), markers);
    }

    /// <summary>Cyrillic letters that look like Latin ones, as found in keys such as <c>12 (а)</c>.</summary>
    public static string FoldCyrillicLookalikes(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                'а' => 'a', 'в' => 'b', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'х' => 'x', 'у' => 'y',
                'і' => 'i', 'ј' => 'j', 'к' => 'k', 'м' => 'm', 'н' => 'h', 'т' => 't',
                'А' => 'A', 'В' => 'B', 'Е' => 'E', 'О' => 'O', 'Р' => 'P', 'С' => 'C', 'Х' => 'X', 'І' => 'I',
                'К' => 'K', 'М' => 'M', 'Н' => 'H', 'Т' => 'T',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Letters and digits only, for comparing text across cleaning steps (the no-text-lost check).</summary>
    public static string LettersAndDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetter(c) || category == UnicodeCategory.DecimalDigitNumber)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkPattern();

    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex ItalicPattern();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"^[\w\-.]+\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePattern();
}
