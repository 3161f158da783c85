using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KzRights.Parsing.Text;

/// <summary>Builds identifiers from the data (document slug and printed locator), never from row numbers, so a
/// re-ingest produces the same ids. Ids use only lower-case ASCII letters, digits and <c>- . / ( )</c>, all of
/// which are legal unescaped in a URL path.</summary>
public static partial class StableId
{
    /// <summary>A numbered paragraph: <c>ccpr-c-kaz-co-3/20</c>, <c>cedaw-c-kaz-rq-6/14(e)(f)</c>.</summary>
    public static string Paragraph(string documentSlug, string printedKey) => $"{documentSlug}/{Key(printedKey)}";

    /// <summary>A paragraph without a printed number: its section's id and its ordinal in that section.</summary>
    public static string UnnumberedParagraph(string sectionId, int ordinal) => $"{sectionId}/{ordinal.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A lettered sub-item of a paragraph: <c>ccpr-c-kaz-co-3/20(a)</c>.</summary>
    public static string SubItem(string paragraphId, string label) => $"{paragraphId}({Key(label)})";

    /// <summary>A section: the parent's id (or the document slug) plus the printed number, or a slug of the title.</summary>
    public static string Section(string parentIdOrDocumentSlug, string? printedNumber, string title) =>
        $"{parentIdOrDocumentSlug}/{(string.IsNullOrWhiteSpace(printedNumber) ? Slug(title, 48) : Key(printedNumber))}";

    public static string Footnote(string documentSlug, string marker) =>
        $"{documentSlug}/footnote-{(marker == "*" ? "star" : Key(marker))}";

    public static string Reference(string documentSlug, string marker) => $"{documentSlug}/source-{Key(marker)}";

    /// <summary>A printed key in id form: lower case, spaces and "and" removed, look-alike Cyrillic folded
    /// (<c>"12 (а)"</c> → <c>12(a)</c>, <c>"9 (i) and (j)"</c> → <c>9(i)(j)</c>).</summary>
    public static string Key(string printed)
    {
        var folded = TextCleaner.FoldCyrillicLookalikes(printed).ToLowerInvariant();
        folded = AndPattern().Replace(folded, string.Empty);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '(' or ')' or '-')
            {
                sb.Append(c);
            }
            else if (c is '–' or '—')
            {
                sb.Append('-');
            }
        }

        return sb.ToString();
    }

    /// <summary>A URL slug of free text, cut at a word boundary.</summary>
    public static string Slug(string text, int maxLength)
    {
        var folded = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (Transliterate(c) is { } latin)
            {
                sb.Append(latin);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = slug[..(cut > 0 ? cut : maxLength)];
        }

        return slug.Length == 0 ? "untitled" : slug;
    }

    // Russian titles need readable slugs too; a fixed table keeps them deterministic.
    private static string? Transliterate(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "e", 'ж' => "zh",
        'з' => "z", 'и' => "i", 'й' => "i", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
        'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts",
        'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "iu",
        'я' => "ia", 'і' => "i", 'ә' => "a", 'ғ' => "g", 'қ' => "q", 'ң' => "n", 'ө' => "o", 'ұ' => "u",
        'ү' => "u", 'һ' => "h",
        _ => null,
    };

    [GeneratedRegex(@"\s+and\s+|\s+")]
    private static partial Regex AndPattern();
}
