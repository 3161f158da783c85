using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>A State's national report to the UPR Working Group: a masthead, roman chapters, unnumbered thematic
/// headings, and numbered paragraphs grouped under lines such as <c>Recommendations 139.30–139.43</c> that say which
/// recommendations of the previous cycle the following paragraphs answer. The recommendations' own text is not in
/// the report, so the records carry their locator only.</summary>
public sealed partial class UprNationalReportParser : IDocumentParser
{
    public DocumentLayout Layout => DocumentLayout.UprNationalReport;

    public ParsedDocument Parse(SourceDocument source) => new Reader(source).Read();

    /// <summary>The state of one parse; the parser itself is shared between documents and threads.</summary>
    private sealed class Reader(SourceDocument source)
    {
        private readonly DocumentBuilder _builder = new(source);
        private readonly Dictionary<string, int> _recommendationFirstLine = new(StringComparer.Ordinal);
        private readonly string _language = source.Metadata.Languages.Count > 0 ? source.Metadata.Languages[0] : "en";
        private Section? _chapter;
        private Section? _heading;
        private RecommendationGroup? _group;
        private OpenParagraph? _paragraph;
        private int _expectedParagraph = 1;
        private int _expectedChapter = 1;

        private Section InnermostSection => _group?.Section ?? _heading ?? _chapter!;

        public ParsedDocument Read()
        {
            var recommendationKeyPrefix = RecommendationKeyPrefix();
            var firstChapterLine = source.LineNumbers.FirstOrDefault(n => ChapterPattern().IsMatch(TextCleaner.Clean(source.Line(n))));
            if (firstChapterLine == 0)
            {
                throw source.Error(1, "no chapter line such as \"I. Methodology\": not a national report in the expected layout");
            }

            for (var line = 1; line < firstChapterLine; line++)
            {
                ReadMastheadLine(line);
            }

            for (var line = firstChapterLine; line <= source.LineCount; line++)
            {
                ReadBodyLine(line, recommendationKeyPrefix);
            }

            CloseParagraph();
            CloseGroup();
            if (_builder.Paragraphs.Count == 0)
            {
                throw source.Error(source.LineCount, "the report has no numbered paragraphs");
            }

            _builder.Ledger.DropRemainingBlankLines();
            return _builder.Build();
        }

        // A national report answers the recommendations of the cycle before its own; the manifest title names the
        // report's cycle, e.g. "(4th UPR cycle)", so 139.30 becomes upr-3/139.30.
        private string RecommendationKeyPrefix()
        {
            var match = CyclePattern().Match(source.Metadata.Title);
            if (!match.Success || !int.TryParse(match.Groups["cycle"].Value, CultureInfo.InvariantCulture, out var cycle) || cycle < 2)
            {
                throw source.Error(0, $"the manifest title \"{source.Metadata.Title}\" does not name the report's UPR cycle (e.g. \"(4th UPR cycle)\"), so " +
                    $"the answered recommendations cannot be identified");
            }

            return $"upr-{(cycle - 1).ToString(CultureInfo.InvariantCulture)}";
        }

        private void ReadMastheadLine(int line)
        {
            var raw = source.Line(line);
            if (string.IsNullOrWhiteSpace(raw))
            {
                return;
            }

            var text = TextCleaner.Clean(raw);
            if (text != source.Metadata.Symbol && !MastheadPattern().IsMatch(text))
            {
                throw source.Error(line, $"line before the first chapter is not masthead: \"{raw.Trim()}\"; expected the symbol, distribution, "
                    + "dates, languages, body, session, the title and its * note, or the State's name, and then \"I. …\"");
            }

            _builder.Ledger.Drop(line, DropReasons.Masthead);
        }

        private void ReadBodyLine(int line, string recommendationKeyPrefix)
        {
            var raw = source.Line(line);
            if (string.IsNullOrWhiteSpace(raw))
            {
                return;
            }

            if (TextCleaner.IsBookmarkOnly(raw))
            {
                _builder.Ledger.Drop(line, DropReasons.Bookmark);
                return;
            }

            var text = TextCleaner.Clean(raw);
            if (ParagraphPattern().Match(text) is { Success: true } paragraph)
            {
                StartParagraph(line, paragraph.Groups["number"].Value, paragraph.Groups["text"].Value);
            }
            else if (ChapterPattern().Match(text) is { Success: true } chapter)
            {
                StartChapter(line, chapter.Groups["number"].Value, chapter.Groups["title"].Value);
            }
            else if (RecommendationLinePattern().Match(text) is { Success: true } recommendations)
            {
                StartGroup(line, text, recommendations.Groups["singular"].Success, recommendations.Groups["list"].Value, recommendationKeyPrefix);
            }
            else if (_paragraph is { IsUnfinished: true })
            {
                ContinueParagraph(line, text);
            }
            else
            {
                StartHeading(line, text);
            }
        }

        private void StartParagraph(int line, string printedNumber, string text)
        {
            var number = int.Parse(printedNumber, CultureInfo.InvariantCulture);
            if (number != _expectedParagraph)
            {
                throw source.Error(line, number < _expectedParagraph
                    ? $"paragraph {printedNumber} repeats or goes back: paragraph {_expectedParagraph} expected"
                    : $"paragraph {printedNumber} follows paragraph {_expectedParagraph - 1}: paragraph {_expectedParagraph} is missing");
            }

            CloseParagraph();
            _expectedParagraph++;
            RejectFootnoteMarkers(line, text);
            var id = _builder.NumberedParagraphId(printedNumber);
            _paragraph = new OpenParagraph(id, printedNumber, line, InnermostSection, _group);
            _paragraph.Append(line, text);
            _builder.Ledger.Keep(line, id);
        }

        private void ContinueParagraph(int line, string text)
        {
            var paragraph = _paragraph!;
            RejectFootnoteMarkers(line, text);
            paragraph.Append(line, text);
            _builder.Ledger.Join(line, paragraph.Id);
            _builder.Info(line, $"paragraph {paragraph.PrintedNumber} continues here after a page break (rejoined)");
        }

        private void CloseParagraph()
        {
            if (_paragraph is not { } open)
            {
                return;
            }

            _paragraph = null;
            if (open.IsUnfinished)
            {
                _builder.Warning(open.EndLine, $"paragraph {open.PrintedNumber} ends without closing punctuation and no continuation line follows");
            }

            _builder.AddParagraph(open.Id, open.Section, open.PrintedNumber, open.PrintedNumber, open.Text, _language, open.StartLine, open.EndLine);

            if (open.Group is { } group)
            {
                group.ParagraphsGoverned++;
                foreach (var recommendationId in group.RecommendationIds)
                {
                    _builder.ResponseLinks.Add(new ResponseLink(recommendationId, open.Id, "responds-to", group.Evidence));
                }
            }
        }

        private void StartChapter(int line, string numeral, string title)
        {
            if (RomanNumeralValue.Parse(numeral) != _expectedChapter)
            {
                throw source.Error(
                    line,
                    $"chapter {numeral} where chapter {RomanNumeralValue.Format(_expectedChapter)} was expected (chapter skipped, repeated or misnumbered)");
            }

            CloseParagraph();
            CloseGroup();
            _expectedChapter++;
            _chapter = _builder.AddSection(line, parent: null, "chapter", numeral, title, _language);
            _heading = null;
        }

        private void StartHeading(int line, string title)
        {
            if (!char.IsUpper(title[0]) || EndsSentence(title))
            {
                throw source.Error(line, $"unnumbered line is neither a heading nor the continuation of an unfinished paragraph: \"{title}\"");
            }

            CloseParagraph();
            CloseGroup();
            // Headings are only recognisable by standing alone, so the plain text shows one level of them.
            _heading = _builder.AddSection(line, _chapter, "heading", number: null, title, _language);
        }

        private void StartGroup(int line, string printedLine, bool singular, string list, string recommendationKeyPrefix)
        {
            if (!DottedRecommendationList.TryExpand(list, out var locators, out var error))
            {
                throw source.Error(line, $"recommendations line does not parse ({error}): \"{printedLine}\"");
            }

            if (singular && locators.Count > 1)
            {
                _builder.Warning(line, $"\"Recommendation\" (singular) names {locators.Count.ToString(CultureInfo.InvariantCulture)} recommendations");
            }

            CloseParagraph();
            CloseGroup();
            var parent = _heading ?? _chapter!;
            var section = _builder.AddSection(line, parent, "recommendation-group", number: null, printedLine, _language);
            var ids = new List<string>(locators.Count);
            foreach (var locator in locators)
            {
                var id = $"{recommendationKeyPrefix}/{StableId.Key(locator)}";
                ids.Add(id);
                if (_recommendationFirstLine.TryGetValue(id, out var firstLine))
                {
                    _builder.Info(line, $"recommendation {locator} is also answered under line {firstLine.ToString(CultureInfo.InvariantCulture)}; one " +
                        $"record, links from both groups");
                    continue;
                }

                _recommendationFirstLine.Add(id, line);
                _builder.Recommendations.Add(new Recommendation(
                    id,
                    "upr",
                    locator,
                    Text: null,
                    SourceDocumentId: null,
                    ParagraphId: null,
                    Theme: parent.Title,
                    PriorRecommendations: [],
                    FollowUp: false,
                    FollowUpDeadline: null));
            }

            _group = new RecommendationGroup(section, ids, $"line {line.ToString(CultureInfo.InvariantCulture)}: {printedLine}");
        }

        private void CloseGroup()
        {
            if (_group is { ParagraphsGoverned: 0 } empty)
            {
                _builder.Warning(empty.Section.Line, $"\"{empty.Section.Title}\" is followed by no paragraph: its recommendations get no response link here");
            }

            _group = null;
        }

        // The report has no footnotes; a superscript digit would be a marker whose note the parser cannot place.
        private void RejectFootnoteMarkers(int line, string text)
        {
            if (text.Any(TextCleaner.IsSuperscriptDigit))
            {
                throw source.Error(line, "superscript footnote marker in a layout without footnotes");
            }
        }
    }

    /// <summary>A recommendations line and the paragraphs it governs so far.</summary>
    private sealed class RecommendationGroup(Section section, IReadOnlyList<string> recommendationIds, string evidence)
    {
        public Section Section { get; } = section;

        public IReadOnlyList<string> RecommendationIds { get; } = recommendationIds;

        public string Evidence { get; } = evidence;

        public int ParagraphsGoverned { get; set; }
    }

    /// <summary>A numbered paragraph whose text may still continue on a later line (after a page break).</summary>
    private sealed class OpenParagraph(string id, string printedNumber, int startLine, Section section, RecommendationGroup? group)
    {
        private readonly StringBuilder _text = new();

        public string Id { get; } = id;

        public string PrintedNumber { get; } = printedNumber;

        public int StartLine { get; } = startLine;

        public int EndLine { get; private set; } = startLine;

        public Section Section { get; } = section;

        public RecommendationGroup? Group { get; } = group;

        public string Text => _text.ToString();

        /// <summary>A page break can only have cut a paragraph that does not yet end a sentence.</summary>
        public bool IsUnfinished => !EndsSentence(Text);

        public void Append(int line, string text)
        {
            if (_text.Length > 0)
            {
                _text.Append(' ');
            }

            _text.Append(text);
            EndLine = line;
        }
    }

    private static bool EndsSentence(string text)
    {
        var end = text.TrimEnd('”', '’', '"', '\'', ')', ']', '»');
        return end.Length > 0 && end[^1] is '.' or ';' or ':' or '!' or '?' or '…';
    }

    [GeneratedRegex(@"^(?<number>[1-9][0-9]{0,4})\.\s+(?<text>\S.*)$")]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"^(?<number>[IVXLCDM]+)\.\s+(?<title>\S.*)$")]
    private static partial Regex ChapterPattern();

    // Any line opening with the word is taken as a recommendations line, so a malformed list fails loudly instead
    // of passing as a heading.
    [GeneratedRegex(@"^Recommendation(?:s|(?<singular>))\b\s*(?<list>.*)$")]
    private static partial Regex RecommendationLinePattern();

    [GeneratedRegex(@"\((?<cycle>[0-9]+)(?:st|nd|rd|th) UPR cycle\)")]
    private static partial Regex CyclePattern();

    // The shapes of a UN masthead: distribution, dates, languages, body, session, the title with its "*" note,
    // and lines of words only (language names, the State's name). Anything else before chapter I is body text
    // out of place and must not be dropped.
    [GeneratedRegex(@"^(?:Distr\.: \p{L}+|\d{1,2} \p{Lu}\p{Ll}+ \d{4}|\d{1,2}(?: \p{Lu}\p{Ll}+(?: \d{4})?)?[–-]\d{1,2} \p{Lu}\p{Ll}+ \d{4}|Original: " +
        @"\p{L}+|[\p{L}-]+ session|National report submitted pursuant to .+|\* \S.*|\p{Lu}[\p{L} ’'-]*)$")]
    private static partial Regex MastheadPattern();
}
