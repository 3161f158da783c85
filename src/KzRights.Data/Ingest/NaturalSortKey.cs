using System.Text;

namespace KzRights.Data.Ingest;

/// <summary>A sort key that orders ids the way people read them (<c>upr-3/139.9</c> before <c>upr-3/139.10</c>) under
/// plain byte comparison, and depends on the id alone, so a cursor stays valid when other rows come and go.</summary>
public static class NaturalSortKey
{
    public static string For(string id)
    {
        var sb = new StringBuilder(id.Length + 16);
        for (var i = 0; i < id.Length;)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                sb.Append(id[i++]);
                continue;
            }

            var start = i;
            while (i < id.Length && char.IsAsciiDigit(id[i]))
            {
                i++;
            }

            var digits = id[start..i].TrimStart('0');
            sb.Append(digits.PadLeft(6, '0'));
        }

        return sb.ToString();
    }

    /// <summary>Paragraphs read in document order: the manifest position, then the paragraph's reading order.</summary>
    public static string ForParagraph(int documentOrdinal, int paragraphOrdinal) =>
        FormattableString.Invariant($"{documentOrdinal:D3}.{paragraphOrdinal:D6}");
}
