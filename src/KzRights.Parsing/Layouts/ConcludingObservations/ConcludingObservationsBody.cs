using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>A run of text that becomes one record (a paragraph's lead-in or one sub-item); a page break may split it
/// over several source lines.</summary>
internal sealed class ObservationTextBlock(int line, string recordId, string firstPiece)
{
    private readonly List<string> _pieces = [firstPiece];

    public int Line { get; } = line;

    public string RecordId { get; } = recordId;

    public int LastLine { get; private set; } = line;

    public bool IsFinished => ConcludingObservationsParser.EndsWithClosingPunctuation(_pieces[^1]);

    public string Text => string.Join(' ', _pieces);

    public void Continue(int line, string piece)
    {
        _pieces.Add(piece);
        LastLine = line;
    }
}

internal sealed class ObservationDraft(int number, string id, Section? section, ObservationTextBlock leadIn)
{
    public int Number { get; } = number;

    public string Id { get; } = id;

    public Section? Section { get; } = section;

    public ObservationTextBlock LeadIn { get; } = leadIn;

    public List<(string Label, ObservationTextBlock Block)> SubItems { get; } = [];

    // Continuations always attach to the last block, so it also holds the paragraph's last line.
    public ObservationTextBlock LastBlock => SubItems.Count == 0 ? LeadIn : SubItems[^1].Block;
}

internal sealed record ObservationFootnoteLine(string Marker, string Text, int Line);

/// <summary>The first stage: one pass over the lines that decides what each line is, accounts for it in the
/// ledger, and collects the sections (straight into the builder), the paragraph drafts and the footnote lines.</summary>
internal sealed partial class ConcludingObservationsBody(DocumentBuilder builder)
{
    private const string Language = ConcludingObservationsParser.Language;
    private readonly SourceDocument _source = builder.Source;
    private Section? _chapter;
    private Section? _heading;
    private ObservationDraft? _current;
    private bool _bodyStarted;
    private bool _titleHasStar;
    private bool _titleNoteSeen;

    public List<ObservationDraft> Paragraphs { get; } = [];

    public List<ObservationFootnoteLine> FootnoteLines { get; } = [];

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

            throw _source.Error(line, $"unrecognised line (not a numbered paragraph, sub-item, heading, footnote or the continuation of unfinished text): " +
                $"\"{TextCleaner.Preview(text)}\"");
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
        FootnoteLines.Add(new ObservationFootnoteLine(marker, note, line));
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
            throw _source.Error(
                line,
                _titleHasStar ? "a second '* …' note, but the title has one * marker" : "a '* …' note, but no title line carries a * marker");
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
            throw _source.Error(line, $"unexpected text before the first paragraph, where only masthead lines may stand: \"{TextCleaner.Preview(text)}\"");
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
        var id = builder.NumberedParagraphId(number.ToString(CultureInfo.InvariantCulture));
        _current = new ObservationDraft(number, id, _heading ?? _chapter, new ObservationTextBlock(line, id, m.Groups["text"].Value));
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
        _current.SubItems.Add((label, new ObservationTextBlock(line, id, m.Groups["text"].Value)));
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
        _chapter = builder.AddSection(line, null, "chapter", letter, m.Groups["title"].Value, Language);
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
                throw _source.Error(line, $"ambiguous line after the unfinished text of {block.RecordId} (line {block.LastLine}): a heading, or the rest of " +
                    $"the split text? \"{TextCleaner.Preview(text)}\"");
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

        _heading = builder.AddSection(line, _chapter, "heading", null, text, Language);
        _current = null;
        return true;
    }

    private void WarnIfUnfinished(int line)
    {
        if (_current?.LastBlock is { IsFinished: false } block)
        {
            builder.Warning(block.LastLine, $"{block.RecordId} ends without closing punctuation before line {line}: text may be missing");
        }
    }

    private static bool LooksLikeHeading(string text) =>
        text.Length <= 200 && char.IsUpper(text[0]) && !ConcludingObservationsParser.EndsWithClosingPunctuation(text)
        && !text.Any(TextCleaner.IsSuperscriptDigit);

    // The manifest's body reads "Human Rights Committee (International Covenant on Civil and Political Rights)";
    // the masthead prints the committee and the treaty on lines of their own.
    private static string[] BodyNames(string body)
    {
        var m = BodyPattern().Match(body);
        return m.Success ? [body, m.Groups["name"].Value, m.Groups["treaty"].Value] : [body];
    }

    [GeneratedRegex(@"^(?<number>\d{1,3})\.\s+(?<text>\S.*)$")]
    private static partial Regex NumberedParagraphPattern();

    [GeneratedRegex(@"^(?:[-–•]\s*)?\((?<label>[a-z])\)\s+(?<text>\S.*)$")]
    private static partial Regex SubItemPattern();

    [GeneratedRegex(@"^(?<letter>[A-Z])\.\s+(?<title>\S.*)$")]
    private static partial Regex ChapterPattern();

    // Labelled lines, and the lines an advance or edited version adds: its status and the language it is issued in.
    [GeneratedRegex(@"^(?:(?:Distr\.|Original):\s*\S|(?:Advance unedited version|English|French|Spanish|Russian|Arabic|Chinese)$)")]
    private static partial Regex MastheadLabelPattern();

    [GeneratedRegex(@"^(?<name>[^(]+?)\s*\((?<treaty>[^()]+)\)$")]
    private static partial Regex BodyPattern();
}
