using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Treaty-body concluding observations in English (the Human Rights Committee's CCPR/C/KAZ/CO/3): a
/// masthead, numbered paragraphs under lettered chapters and unnumbered thematic headings, lettered sub-items,
/// footnotes citing UN documents, and a closing paragraph that singles out recommendations for follow-up.
/// Three stages, one file each: <see cref="ConcludingObservationsBody"/> reads the lines,
/// <see cref="ConcludingObservationsParagraphs"/> turns the drafts into paragraphs with their footnotes,
/// <see cref="ConcludingObservationsRecommendations"/> (with <see cref="ConcludingObservationsFollowUp"/>) finds the
/// recommendations and the ones selected for follow-up.</summary>
public sealed class ConcludingObservationsParser : IDocumentParser
{
    // Headings, the recommendation rule and the follow-up paragraph are read from English wording.
    internal const string Language = "en";

    public DocumentLayout Layout => DocumentLayout.ConcludingObservations;

    public ParsedDocument Parse(SourceDocument source)
    {
        if (source.Metadata.Languages is not [Language])
        {
            throw source.Error(
                1,
                $"this layout reads English concluding observations only, the manifest lists [{string.Join(", ", source.Metadata.Languages)}]");
        }

        var builder = new DocumentBuilder(source);
        var body = new ConcludingObservationsBody(builder);
        body.ReadAllLines();
        ConcludingObservationsParagraphs.Add(builder, body.Paragraphs, body.FootnoteLines);
        ConcludingObservationsRecommendations.Add(builder);
        builder.Ledger.DropRemainingBlankLines();
        return builder.Build();
    }

    internal static bool EndsWithClosingPunctuation(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('”', '’', '"', '\'', ')', ']', '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹');
        return trimmed.Length > 0 && trimmed[^1] is '.' or ';' or ':' or '!' or '?';
    }
}
