using System.Text;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Themes;

/// <summary>One spelling for matching: the corpus mixes typographic and ASCII quotes and dashes, and Russian
/// writes ё or е at will, so terms are written once against this form.</summary>
internal static class ThemeText
{
    public static string Normalize(string text)
    {
        var cleaned = TextCleaner.Clean(text);
        var sb = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            sb.Append(c switch
            {
                '’' or '‘' or 'ʼ' or '`' or '´' => '\'',
                '“' or '”' or '«' or '»' or '„' => '"',
                '‐' or '‑' or '‒' or '–' or '—' => '-',
                'ё' or 'Ё' => 'е',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }
}
