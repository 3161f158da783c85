using System.Globalization;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>The second stage: the drafts become paragraphs, with their sub-items, and each footnote is attached to
/// the paragraph that marks it (once, in numbering order, "Ibid." resolved).</summary>
internal static class ConcludingObservationsParagraphs
{
    public static void Add(DocumentBuilder builder, IReadOnlyList<ObservationDraft> drafts, IReadOnlyList<ObservationFootnoteLine> footnoteLines)
    {
        var notes = ResolveFootnotes(builder.Source, footnoteLines);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var footnotes = new List<Footnote>();
            Footnote Attach(string marker, int offset, int line)
            {
                if (!notes.TryGetValue(marker, out var note))
                {
                    throw builder.Source.Error(line, $"footnote marker {marker} in {draft.Id} has no footnote");
                }

                if (!used.Add(marker))
                {
                    throw builder.Source.Error(line, $"footnote marker {marker} used a second time, in {draft.Id}");
                }

                return new Footnote(
                    StableId.Footnote(builder.Slug, marker),
                    builder.Slug,
                    draft.Id,
                    marker,
                    offset,
                    note.Line.Text,
                    note.Citations,
                    note.Line.Line);
            }

            var (leadIn, leadInMarkers) = CleanBlock(builder.Source, draft.LeadIn);
            footnotes.AddRange(leadInMarkers.Select(m => Attach(m.Marker, m.Offset, draft.LeadIn.Line)));
            var subItems = new List<SubItemText>(draft.SubItems.Count);
            foreach (var (label, block) in draft.SubItems)
            {
                var (text, markers) = CleanBlock(builder.Source, block);
                foreach (var (marker, offset) in markers)
                {
                    // Footnote has no sub-item field: the offset is then within the sub-item's text, and we say so.
                    builder.Info(block.Line, $"footnote {marker} is marked in sub-item {block.RecordId}; its offset counts in that sub-item's text");
                    footnotes.Add(Attach(marker, offset, block.Line));
                }

                subItems.Add(new SubItemText(label, text, block.Line));
            }

            var printed = draft.Number.ToString(CultureInfo.InvariantCulture);
            builder.AddParagraph(
                draft.Id, draft.Section, printed, printed, leadIn, ConcludingObservationsParser.Language, draft.LeadIn.Line, draft.LastBlock.LastLine,
                subItems, footnotes);
        }

        if (footnoteLines.FirstOrDefault(f => !used.Contains(f.Marker)) is { } unused)
        {
            throw builder.Source.Error(unused.Line, $"footnote {unused.Marker} is not marked in any paragraph");
        }
    }

    private static (string Text, IReadOnlyList<(string Marker, int Offset)> Markers) CleanBlock(SourceDocument source, ObservationTextBlock block)
    {
        var (text, markers) = TextCleaner.ExtractFootnoteMarkers(block.Text);
        if (text.Trim().Length == 0)
        {
            throw source.Error(block.Line, $"{block.RecordId} has no text");
        }

        return (text, markers);
    }

    /// <summary>Footnotes are numbered 1, 2, 3… in reading order, which is also the order "Ibid." refers back in.</summary>
    private static Dictionary<string, (ObservationFootnoteLine Line, IReadOnlyList<Citation> Citations)> ResolveFootnotes(
        SourceDocument source,
        IReadOnlyList<ObservationFootnoteLine> lines)
    {
        var notes = new Dictionary<string, (ObservationFootnoteLine, IReadOnlyList<Citation>)>(StringComparer.Ordinal);
        string? lastSymbol = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var note = lines[i];
            var expected = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (note.Marker != expected)
            {
                throw source.Error(note.Line, $"footnote {note.Marker} found where footnote {expected} was expected");
            }

            if (!UnSymbolCitations.TryParse(note.Text, lastSymbol, out var citations, out lastSymbol))
            {
                throw source.Error(note.Line, $"footnote {note.Marker} says \"Ibid.\" but no earlier footnote cites a document");
            }

            notes.Add(note.Marker, (note, citations));
        }

        return notes;
    }
}
