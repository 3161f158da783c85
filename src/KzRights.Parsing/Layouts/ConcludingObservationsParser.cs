using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Treaty-body concluding observations in English (the Human Rights Committee's CCPR/C/KAZ/CO/3): a
/// masthead, numbered paragraphs under lettered chapters and unnumbered thematic headings, lettered sub-items,
/// footnotes citing UN documents, and a closing paragraph that singles out recommendations for follow-up.</summary>
public sealed partial class ConcludingObservationsParser : IDocumentParser
{
    // Headings, the recommendation rule and the follow-up paragraph are read from English wording.
    private const string Language = "en";

    public DocumentLayout Layout => DocumentLayout.ConcludingObservations;

    public ParsedDocument Parse(SourceDocument source)
    {
        if (source.Metadata.Languages is not [Language])
        {
            throw source.Error(1, $"this layout reads English concluding observations only, the manifest lists [{string.Join(", ", source.Metadata.Languages)}]");
        }

        var builder = new DocumentBuilder(source);
        var reading = new BodyReading(builder);
        reading.ReadAllLines();
        builder.Paragraphs.AddRange(AssembleParagraphs(builder, reading.Paragraphs, reading.FootnoteLines));
        AddRecommendations(builder);
        builder.Ledger.DropRemainingBlankLines();
        return builder.Build();
    }

    /// <summary>A run of text that becomes one record (a paragraph's lead-in or one sub-item); a page break may
    /// split it over several source lines.</summary>
    private sealed class TextBlock(int line, string recordId, string firstPiece)
    {
        private readonly List<string> _pieces = [firstPiece];

        public int Line { get; } = line;

        public string RecordId { get; } = recordId;

        public int LastLine { get; private set; } = line;

        public bool IsFinished => EndsWithClosingPunctuation(_pieces[^1]);

        public string Text => string.Join(' ', _pieces);

        public void Continue(int line, string piece)
        {
            _pieces.Add(piece);
            LastLine = line;
        }
    }

    private sealed class ParagraphDraft(int number, string id, Section? section, IReadOnlyList<string> sectionPath, TextBlock leadIn)
    {
        public int Number { get; } = number;

        public string Id { get; } = id;

        public Section? Section { get; } = section;

        public IReadOnlyList<string> SectionPath { get; } = sectionPath;

        public TextBlock LeadIn { get; } = leadIn;

        public List<(string Label, TextBlock Block)> SubItems { get; } = [];

        // Continuations always attach to the last block, so it also holds the paragraph's last line.
        public TextBlock LastBlock => SubItems.Count == 0 ? LeadIn : SubItems[^1].Block;
    }

    private sealed record FootnoteLine(string Marker, string Text, int Line);

    /// <summary>One pass over the lines: decides what each line is, accounts for it in the ledger, and collects
    /// the sections (straight into the builder), the paragraph drafts and the footnote lines.</summary>
    private sealed class BodyReading(DocumentBuilder builder)
    {
        private readonly SourceDocument _source = builder.Source;
        private Section? _chapter;
        private Section? _heading;
        private ParagraphDraft? _current;
        private bool _bodyStarted;
        private bool _titleHasStar;
        private bool _titleNoteSeen;

        public List<ParagraphDraft> Paragraphs { get; } = [];

        public List<FootnoteLine> FootnoteLines { get; } = [];

        public void ReadAllLines()
        {
            foreach (var line in _source.LineNumbers)
            {
                var raw = _source.Line(line);
                if (string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                var text = TextCleaner.Clean(raw);
                if (text.Length == 0)
                {
                    throw _source.Error(line, $"line holds only markup: \"{raw}\"");
                }

                if (TryFootnote(line, text) || TryTitleNote(line, text) || TryMasthead(line, text))
                {
                    continue;
                }

                if (TryNumberedParagraph(line, text) || TrySubItem(line, text) || TryChapter(line, text)
                    || TryContinuation(line, text) || TryHeading(line, text))
                {
                    continue;
                }

                throw _source.Error(line, $"unrecognised line (not a numbered paragraph, sub-item, heading, footnote or the continuation of unfinished text): \"{Preview(text)}\"");
            }

            if (!_bodyStarted)
            {
                throw _source.Error(_source.LineCount, "no numbered paragraph or lettered chapter found");
            }

            if (_titleHasStar && !_titleNoteSeen)
            {
                builder.Warning(1, "the title carries a * footnote marker but no '* …' note was found");
            }
        }

        private bool TryFootnote(int line, string text)
        {
            var markerLength = 0;
            while (markerLength < text.Length && TextCleaner.IsSuperscriptDigit(text[markerLength]))
            {
                markerLength++;
            }

            if (markerLength == 0)
            {
                return false;
            }

            var note = text[markerLength..].Trim();
            if (note.Length == 0)
            {
                throw _source.Error(line, "footnote marker without footnote text");
            }

            var marker = TextCleaner.SuperscriptToAscii(text[..markerLength]);
            FootnoteLines.Add(new FootnoteLine(marker, note, line));
            builder.Ledger.Keep(line, StableId.Footnote(builder.Slug, marker));
            return true;
        }

        // The starred note on the title repeats the session and adoption dates, which the manifest holds.
        private bool TryTitleNote(int line, string text)
        {
            if (!text.StartsWith("* ", StringComparison.Ordinal))
            {
                return false;
            }

            if (!_titleHasStar || _titleNoteSeen)
            {
                throw _source.Error(line, _titleHasStar ? "a second '* …' note, but the title has one * marker" : "a '* …' note, but no title line carries a * marker");
            }

            _titleNoteSeen = true;
            builder.Ledger.Drop(line, DropReasons.Masthead);
            return true;
        }

        /// <summary>Before the first paragraph or chapter only masthead lines may stand; each must be one the
        /// manifest already holds (title, body, treaty, symbol, distribution, date, language), else it would be lost.</summary>
        private bool TryMasthead(int line, string text)
        {
            if (_bodyStarted)
            {
                return false;
            }

            if (NumberedParagraphPattern().IsMatch(text) || ChapterPattern().IsMatch(text))
            {
                _bodyStarted = true;
                return false;
            }

            var metadata = _source.Metadata;
            if (text == metadata.Title + "*")
            {
                _titleHasStar = true;
            }
            else if (text != metadata.Title && text != metadata.Symbol && !MastheadLabelPattern().IsMatch(text)
                && !BodyNames(metadata.Body).Contains(text, StringComparer.Ordinal) && !IsIssueDate(line, text))
            {
                throw _source.Error(line, $"unexpected text before the first paragraph, where only masthead lines may stand: \"{Preview(text)}\"");
            }

            builder.Ledger.Drop(line, DropReasons.Masthead);
            return true;
        }

        private bool IsIssueDate(int line, string text)
        {
            if (!DateOnly.TryParseExact(text, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return false;
            }

            var issued = _source.Metadata.Dates.FirstOrDefault(d => d.Role == "issued");
            if (issued is not null && issued.Date != date)
            {
                builder.Warning(line, $"masthead date {date:yyyy-MM-dd} differs from the manifest's issue date {issued.Date:yyyy-MM-dd}");
            }

            return true;
        }

        private bool TryNumberedParagraph(int line, string text)
        {
            var m = NumberedParagraphPattern().Match(text);
            if (!m.Success)
            {
                return false;
            }

            var number = int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture);
            var expected = Paragraphs.Count + 1;
            if (number != expected)
            {
                throw _source.Error(line, number < expected
                    ? $"paragraph number {number} repeated or out of order: paragraph {expected} expected"
                    : $"paragraph number skipped: {number} found where {expected} was expected");
            }

            WarnIfUnfinished(line);
            var printed = number.ToString(CultureInfo.InvariantCulture);
            var id = StableId.Paragraph(builder.Slug, printed);
            var section = _heading ?? _chapter;
            var path = new[] { _chapter?.Title, _heading?.Title }.OfType<string>().ToArray();
            _current = new ParagraphDraft(number, id, section, path, new TextBlock(line, id, m.Groups["text"].Value));
            Paragraphs.Add(_current);
            builder.Ledger.Keep(line, id);
            return true;
        }

        private bool TrySubItem(int line, string text)
        {
            var m = SubItemPattern().Match(text);
            if (!m.Success)
            {
                return false;
            }

            var label = m.Groups["label"].Value;
            if (_current is null)
            {
                throw _source.Error(line, $"sub-item ({label}) outside a numbered paragraph");
            }

            var expected = ((char)('a' + _current.SubItems.Count)).ToString();
            if (label != expected)
            {
                throw _source.Error(line, $"sub-item ({label}) found where ({expected}) was expected in paragraph {_current.Number}");
            }

            WarnIfUnfinished(line);
            var id = StableId.SubItem(_current.Id, label);
            _current.SubItems.Add((label, new TextBlock(line, id, m.Groups["text"].Value)));
            builder.Ledger.Keep(line, id);
            return true;
        }

        private bool TryChapter(int line, string text)
        {
            var m = ChapterPattern().Match(text);
            if (!m.Success)
            {
                return false;
            }

            var letter = m.Groups["letter"].Value;
            var expected = ((char)('A' + builder.Sections.Count(s => s.Kind == "chapter"))).ToString();
            if (letter != expected)
            {
                throw _source.Error(line, $"chapter {letter}. found where chapter {expected}. was expected");
            }

            WarnIfUnfinished(line);
            _chapter = AddSection(line, null, 1, "chapter", letter, m.Groups["title"].Value);
            _heading = null;
            _current = null;
            return true;
        }

        /// <summary>A page break leaves the rest of a paragraph (or sub-item) on a later line, after footnotes and
        /// blank lines. Text that has not reached its closing punctuation claims the next line that is not a
        /// footnote; a line starting with a capital that could also be a heading is too ambiguous to guess.</summary>
        private bool TryContinuation(int line, string text)
        {
            if (_current?.LastBlock is not { IsFinished: false } block)
            {
                return false;
            }

            if (!char.IsLower(text[0]))
            {
                if (LooksLikeHeading(text))
                {
                    throw _source.Error(line, $"ambiguous line after the unfinished text of {block.RecordId} (line {block.LastLine}): a heading, or the rest of the split text? \"{Preview(text)}\"");
                }

                builder.Info(line, $"continuation of {block.RecordId} begins with a capital letter");
            }

            block.Continue(line, text);
            builder.Ledger.Join(line, block.RecordId);
            return true;
        }

        private bool TryHeading(int line, string text)
        {
            if (!LooksLikeHeading(text))
            {
                return false;
            }

            _heading = AddSection(line, _chapter, _chapter is null ? 1 : 2, "heading", null, text);
            _current = null;
            return true;
        }

        private Section AddSection(int line, Section? parent, int level, string kind, string? number, string title)
        {
            var section = new Section(
                StableId.Section(parent?.Id ?? builder.Slug, number, title),
                builder.Slug,
                parent?.Id,
                level,
                kind,
                number,
                title,
                Language,
                builder.Sections.Count + 1,
                line);
            builder.Sections.Add(section);
            builder.Ledger.Keep(line, section.Id);
            return section;
        }

        private void WarnIfUnfinished(int line)
        {
            if (_current?.LastBlock is { IsFinished: false } block)
            {
                builder.Warning(block.LastLine, $"{block.RecordId} ends without closing punctuation before line {line}: text may be missing");
            }
        }

        private static bool LooksLikeHeading(string text) =>
            text.Length <= 200 && char.IsUpper(text[0]) && !EndsWithClosingPunctuation(text)
            && !text.Any(TextCleaner.IsSuperscriptDigit);

        // The manifest's body reads "Human Rights Committee (International Covenant on Civil and Political Rights)";
        // the masthead prints the committee and the treaty on lines of their own.
        private static string[] BodyNames(string body)
        {
            var m = BodyPattern().Match(body);
            return m.Success ? [body, m.Groups["name"].Value, m.Groups["treaty"].Value] : [body];
        }
    }

    private static IEnumerable<Paragraph> AssembleParagraphs(DocumentBuilder builder, IReadOnlyList<ParagraphDraft> drafts, IReadOnlyList<FootnoteLine> footnoteLines)
    {
        var notes = ResolveFootnotes(builder.Source, footnoteLines);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var paragraphs = new List<Paragraph>(drafts.Count);
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

                return new Footnote(StableId.Footnote(builder.Slug, marker), builder.Slug, draft.Id, marker, offset, note.Line.Text, note.Citations, note.Line.Line);
            }

            var (leadIn, leadInMarkers) = CleanBlock(builder.Source, draft.LeadIn);
            footnotes.AddRange(leadInMarkers.Select(m => Attach(m.Marker, m.Offset, draft.LeadIn.Line)));
            var subItems = new List<SubItem>(draft.SubItems.Count);
            foreach (var (label, block) in draft.SubItems)
            {
                var (text, markers) = CleanBlock(builder.Source, block);
                foreach (var (marker, offset) in markers)
                {
                    // Footnote has no sub-item field: the offset is then within the sub-item's text, and we say so.
                    builder.Info(block.Line, $"footnote {marker} is marked in sub-item {block.RecordId}; its offset counts in that sub-item's text");
                    footnotes.Add(Attach(marker, offset, block.Line));
                }

                subItems.Add(new SubItem(block.RecordId, draft.Id, label, text, subItems.Count + 1, block.Line));
            }

            var printed = draft.Number.ToString(CultureInfo.InvariantCulture);
            paragraphs.Add(new Paragraph(
                draft.Id,
                builder.Slug,
                draft.Section?.Id,
                draft.SectionPath,
                printed,
                printed,
                paragraphs.Count + 1,
                leadIn,
                Language,
                subItems,
                footnotes,
                draft.LeadIn.Line,
                draft.LastBlock.LastLine));
        }

        if (footnoteLines.FirstOrDefault(f => !used.Contains(f.Marker)) is { } unused)
        {
            throw builder.Source.Error(unused.Line, $"footnote {unused.Marker} is not marked in any paragraph");
        }

        return paragraphs;
    }

    private static (string Text, IReadOnlyList<(string Marker, int Offset)> Markers) CleanBlock(SourceDocument source, TextBlock block)
    {
        var (text, markers) = TextCleaner.ExtractFootnoteMarkers(block.Text);
        if (text.Trim().Length == 0)
        {
            throw source.Error(block.Line, $"{block.RecordId} has no text");
        }

        return (text, markers);
    }

    /// <summary>Footnotes are numbered 1, 2, 3… in reading order, which is also the order "Ibid." refers back in.</summary>
    private static Dictionary<string, (FootnoteLine Line, IReadOnlyList<Citation> Citations)> ResolveFootnotes(SourceDocument source, IReadOnlyList<FootnoteLine> lines)
    {
        var notes = new Dictionary<string, (FootnoteLine, IReadOnlyList<Citation>)>(StringComparer.Ordinal);
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

    /// <summary>A recommendation paragraph is one whose text asks the State party to act in the Committee's
    /// operative wording: "the State party should …" (also after "In line with / Reiterating / Bearing in mind
    /// its previous recommendations,") or "the Committee urges the State party to …". Paragraphs that only note,
    /// welcome or regret do not use these words. The closing procedural requests ("is requested to provide …
    /// information", "requests the State party, in preparing the report, …") concern the reporting procedure
    /// itself and are not recommendations; the follow-up request is read separately.</summary>
    private static bool IsRecommendation(Paragraph paragraph) => RecommendationWording().IsMatch(paragraph.Text);

    private static void AddRecommendations(DocumentBuilder builder)
    {
        var metadata = builder.Source.Metadata;
        var cycle = metadata.Symbol is null ? null : CycleOfSymbol().Match(metadata.Symbol) is { Success: true } m ? m.Groups["cycle"].Value : null;
        if (cycle is null)
        {
            throw builder.Source.Error(1, $"the manifest symbol '{metadata.Symbol}' names no reporting cycle (…/CO/n), which recommendation ids need");
        }

        var followUp = ReadFollowUp(builder);
        var recommendations = new Dictionary<int, Recommendation>();
        foreach (var paragraph in builder.Paragraphs.Where(IsRecommendation))
        {
            var number = int.Parse(paragraph.Number!, CultureInfo.InvariantCulture);
            var isFollowUp = followUp?.Numbers.ContainsKey(number) == true;
            var recommendation = new Recommendation(
                $"{metadata.Mechanism}-{cycle}/{paragraph.Number}",
                metadata.Mechanism,
                paragraph.Number!,
                string.Join(' ', paragraph.SubItems.Select(s => $"({s.Label}) {s.Text}").Prepend(paragraph.Text)),
                builder.Slug,
                paragraph.Id,
                // The innermost section is the theme: a thematic heading, or the chapter where none is printed.
                paragraph.SectionPath.Count == 0 ? null : paragraph.SectionPath[^1],
                paragraph.Footnotes.SelectMany(f => f.Citations)
                    .Where(c => UnSymbolCitations.IsConcludingObservations(c.Symbol) && c.Symbol != metadata.Symbol)
                    .ToArray(),
                isFollowUp,
                isFollowUp ? followUp!.Deadline : null);
            recommendations.Add(number, recommendation);
            builder.Recommendations.Add(recommendation);
            builder.ResponseLinks.Add(new ResponseLink(recommendation.Id, paragraph.Id, "states", $"paragraph {paragraph.Number}"));
            if (isFollowUp)
            {
                builder.ResponseLinks.Add(new ResponseLink(recommendation.Id, followUp!.Paragraph.Id, "follow-up", $"paragraph {followUp.Paragraph.Number}: \"{followUp.Phrase}\""));
            }
        }

        if (followUp is null)
        {
            return;
        }

        foreach (var (number, theme) in followUp.Numbers)
        {
            if (!recommendations.TryGetValue(number, out var recommendation))
            {
                throw builder.Source.Error(followUp.Paragraph.StartLine, $"paragraph {number}, selected for follow-up, is not a recommendation paragraph");
            }

            if (theme is not null && !string.Equals(theme, recommendation.Theme, StringComparison.OrdinalIgnoreCase))
            {
                builder.Warning(followUp.Paragraph.StartLine, $"follow-up names paragraph {number} \"{theme}\" but it stands under \"{recommendation.Theme}\"");
            }
        }
    }

    private sealed record FollowUpRequest(Paragraph Paragraph, DateOnly Deadline, string Phrase, IReadOnlyDictionary<int, string?> Numbers);

    /// <summary>The paragraph that asks for information on the implementation of named recommendations by a
    /// date (under rule 75 of the Committee's rules of procedure): its deadline and the paragraphs it names, with
    /// the theme printed in brackets after each number, if any.</summary>
    private static FollowUpRequest? ReadFollowUp(DocumentBuilder builder)
    {
        var candidates = builder.Paragraphs.Where(p => FollowUpWording().IsMatch(p.Text)).ToArray();
        if (candidates.Length == 0)
        {
            builder.Info(1, "no paragraph asks for follow-up information on named recommendations");
            return null;
        }

        if (candidates.Length > 1)
        {
            throw builder.Source.Error(candidates[1].StartLine, $"a second follow-up request (the first is paragraph {candidates[0].Number})");
        }

        var paragraph = candidates[0];
        var deadline = FollowUpDeadlinePattern().Match(paragraph.Text);
        if (!deadline.Success || !DateOnly.TryParseExact(deadline.Groups["date"].Value, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw builder.Source.Error(paragraph.StartLine, "the follow-up request names no deadline of the form 'by 18 July 2028, information on the implementation of the recommendations'");
        }

        var list = FollowUpListPattern().Match(paragraph.Text);
        var bare = list.Success ? Parenthetical().Replace(list.Groups["list"].Value, string.Empty) : string.Empty;
        if (!NumberListPattern().IsMatch(bare))
        {
            throw builder.Source.Error(paragraph.StartLine, "the follow-up request names no list of paragraphs of the form 'in paragraphs 12 (…), 34 (…) and 52 (…) above'");
        }

        var themes = NumberWithTheme().Matches(list.Groups["list"].Value)
            .ToDictionary(m => int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture), m => m.Groups["theme"].Value);
        var numbers = new SortedDictionary<int, string?>();
        foreach (Match m in Number().Matches(bare))
        {
            var number = int.Parse(m.Value, CultureInfo.InvariantCulture);
            if (!numbers.TryAdd(number, themes.GetValueOrDefault(number)))
            {
                throw builder.Source.Error(paragraph.StartLine, $"the follow-up request names paragraph {number} twice");
            }
        }

        return new FollowUpRequest(paragraph, date, deadline.Groups["phrase"].Value, numbers);
    }

    private static bool EndsWithClosingPunctuation(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('”', '’', '"', '\'', ')', ']', '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹');
        return trimmed.Length > 0 && trimmed[^1] is '.' or ';' or ':' or '!' or '?';
    }

    private static string Preview(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex(@"^(?<number>\d{1,3})\.\s+(?<text>\S.*)$")]
    private static partial Regex NumberedParagraphPattern();

    [GeneratedRegex(@"^(?:[-–•]\s*)?\((?<label>[a-z])\)\s+(?<text>\S.*)$")]
    private static partial Regex SubItemPattern();

    [GeneratedRegex(@"^(?<letter>[A-Z])\.\s+(?<title>\S.*)$")]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^(?:Distr\.|Original):\s*\S")]
    private static partial Regex MastheadLabelPattern();

    [GeneratedRegex(@"^(?<name>[^(]+?)\s*\((?<treaty>[^()]+)\)$")]
    private static partial Regex BodyPattern();

    [GeneratedRegex(@"\bState party should\b|\burges the State party\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecommendationWording();

    [GeneratedRegex(@"/CO/(?<cycle>\d+)\b")]
    private static partial Regex CycleOfSymbol();

    [GeneratedRegex(@"\binformation on the implementation of the recommendations\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpWording();

    [GeneratedRegex(@"(?<phrase>(?:requested to provide,?\s+)?by (?<date>\d{1,2} \p{Lu}\p{Ll}+ \d{4}),?\s+information on the implementation of the recommendations)")]
    private static partial Regex FollowUpDeadlinePattern();

    [GeneratedRegex(@"\brecommendations made by the Committee in paragraphs? (?<list>.+?) above\b")]
    private static partial Regex FollowUpListPattern();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\d+(?:(?:\s*,\s*|\s*,?\s+and\s+)\d+)*$")]
    private static partial Regex NumberListPattern();

    [GeneratedRegex(@"(?<number>\d+)\s*\((?<theme>[^()]*)\)")]
    private static partial Regex NumberWithTheme();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
