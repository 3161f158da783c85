using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>A State's replies to a treaty body's list of issues: a masthead, then thematic headings, each followed by
/// question keys (<c>1 (a)</c>, <c>17</c>, <c>14 (e) and (f)</c>) printed on their own line and the tab-indented reply
/// paragraphs that answer them. The questions themselves are not in the document, so each question becomes a
/// recommendation record without text, linked to the paragraphs that reply to it.</summary>
public sealed partial class ListOfIssuesRepliesParser : IDocumentParser
{
    public DocumentLayout Layout => DocumentLayout.ListOfIssuesReplies;

    public ParsedDocument Parse(SourceDocument source)
    {
        var builder = new DocumentBuilder(source);
        var bodyStart = DropMasthead(builder);
        var replies = new ReplyCollector(builder, QuestionListId(source));
        for (var line = bodyStart; line <= source.LineCount; line++)
        {
            var raw = source.Line(line);
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (TextCleaner.IsImageFileName(raw))
            {
                builder.Ledger.Drop(line, DropReasons.Image);
            }
            else if (RecyclingMark().IsMatch(raw))
            {
                builder.Ledger.Drop(line, DropReasons.PrintFurniture);
            }
            else if (TextCleaner.IsBookmarkOnly(raw))
            {
                builder.Ledger.Drop(line, DropReasons.Bookmark);
            }
            else if (QuestionKey.TryParse(raw, line, source) is { } key)
            {
                replies.StartKey(key);
            }
            else
            {
                var clean = CleanBodyLine(source, line);
                if (replies.ContinuesOpenParagraph(clean))
                {
                    replies.ContinueParagraph(line, clean);
                }
                else if (TextCleaner.StripBookmarks(raw).StartsWith('\t'))
                {
                    replies.StartParagraph(line, clean);
                }
                else if (clean.Length > 0 && char.IsUpper(clean[0]))
                {
                    replies.StartHeading(line, clean);
                }
                else
                {
                    throw source.Error(line, $"line is neither a question key, a reply paragraph nor a heading: \"{clean}\"");
                }
            }
        }

        replies.Finish();
        builder.Ledger.DropRemainingBlankLines();
        return builder.Build();
    }

    /// <summary>Drops the masthead, which ends with the <c>[Date received: …]</c> line, and returns the first body
    /// line. Every masthead line must be one of the known forms, so that body text can never be dropped as masthead.</summary>
    private static int DropMasthead(DocumentBuilder builder)
    {
        var source = builder.Source;
        var dateLine = source.LineNumbers.FirstOrDefault(n => DateReceived().IsMatch(source.Line(n).Trim()));
        if (dateLine == 0)
        {
            throw source.Error(1, "no \"[Date received: …]\" line closing the masthead");
        }

        for (var line = 1; line <= dateLine; line++)
        {
            var text = source.Line(line).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (SessionLine().Match(text) is { Success: true } session)
            {
                CheckSession(builder, line, session.Groups["ordinal"].Value);
            }
            else if (text != source.Metadata.Symbol && !MastheadPatterns.Any(p => p.IsMatch(text)))
            {
                throw source.Error(line, $"unexpected line in the masthead: \"{text}\"; expected the committee, session, place and dates, "
                    + "symbol, distribution, language, \"Consideration of reports …\", the title ending in * and its note, or \"[Date received: …]\"");
            }

            if (TitleLine().Match(text) is { Success: true } title && title.Groups["title"].Value != source.Metadata.Title)
            {
                builder.Warning(line, $"printed title differs from the manifest title \"{source.Metadata.Title}\"");
            }

            builder.Ledger.Drop(line, DropReasons.Masthead);
        }

        return dateLine + 1;
    }

    /// <summary>A session line must name an ordinal ("Ninety-third", "One hundred and fifth", "105th"); where the
    /// manifest names the session too ("CEDAW, 93rd session, …"), a different number is a warning.</summary>
    private static void CheckSession(DocumentBuilder builder, int line, string printed)
    {
        if (!EnglishOrdinal.TryParse(printed, out var number))
        {
            throw builder.Source
                .Error(line, $"\"{printed} session\" in the masthead: expected a session ordinal such as \"Ninety-third\" or \"One hundred and fifth\"");
        }

        if (ManifestSession().Match(builder.Source.Metadata.Session ?? string.Empty) is { Success: true } manifest
            && int.Parse(manifest.Groups["number"].Value, CultureInfo.InvariantCulture) != number)
        {
            builder.Warning(
                line,
                $"the masthead prints session {number.ToString(CultureInfo.InvariantCulture)}, the manifest says \"{builder.Source.Metadata.Session}\"");
        }
    }

    /// <summary>The list of issues the questions belong to, e.g. <c>cedaw-loi-6</c> for the replies CEDAW/C/KAZ/RQ/6.</summary>
    private static string QuestionListId(SourceDocument source)
    {
        var match = RepliesSymbol().Match(source.Metadata.Symbol ?? string.Empty);
        if (!match.Success)
        {
            throw source.Error(1, $"symbol '{source.Metadata.Symbol}' is not a replies symbol ending in /RQ/<report number>");
        }

        return $"{source.Metadata.Mechanism}-loi-{match.Groups["report"].Value}";
    }

    private static string CleanBodyLine(SourceDocument source, int line)
    {
        var clean = TextCleaner.Clean(source.Line(line));
        if (clean.Any(TextCleaner.IsSuperscriptDigit))
        {
            throw source.Error(line, "superscript footnote marker, but replies to a list of issues carry no footnotes");
        }

        return clean;
    }

    // The masthead of the advance version (committee, session, place) and of the edited one (symbol, distribution,
    // date, languages) may both stand before the title.
    private static readonly Regex[] MastheadPatterns =
    [
        new(@"^Committee on .+$"),
        new(@"^(?:Geneva|New York|Vienna), .+\d{4}$"),
        new(@"^Distr\.: \p{L}+$"),
        new(@"^\d{1,2} \p{Lu}\p{Ll}+ \d{4}$"),
        new(@"^(?:Original: )?(?:English|French|Spanish|Russian|Arabic|Chinese)$"),
        new(@"^Advance unedited version$"),
        new(@"^Consideration of reports submitted by States [Pp]arties .+$"),
        new(@"^\*\s+The present document is being issued without formal editing\.$"),
        TitleLine(),
        DateReceived(),
    ];

    [GeneratedRegex(@"^(?<ordinal>[\p{Lu}0-9][\p{L}0-9 -]*) session$")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"\b(?<number>[1-9][0-9]{0,3})(?:st|nd|rd|th) session\b")]
    private static partial Regex ManifestSession();

    [GeneratedRegex(@"^(?<title>Replies of .+)\*$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^\[Date received: [^\]]+\]$")]
    private static partial Regex DateReceived();

    [GeneratedRegex(@"^Please recycle\b")]
    private static partial Regex RecyclingMark();

    [GeneratedRegex(@"/RQ/(?<report>\d+)$")]
    private static partial Regex RepliesSymbol();

    /// <summary>A printed question key. Letters are stored folded to ASCII: the source sometimes prints a Cyrillic
    /// look-alike (<c>12 (а)</c>), which must still sort and identify as question 12 (a).</summary>
    internal sealed partial record QuestionKey(int Question, IReadOnlyList<char> Letters, string Printed, int Line)
    {
        /// <summary>The key in ASCII as it would have been typed: <c>12 (a)</c>, <c>14 (e) and (f)</c>,
        /// <c>9 (a), (b) and (c)</c>, <c>17</c>.</summary>
        public string Normalized => Letters.Count switch
        {
            0 => Question.ToString(CultureInfo.InvariantCulture),
            _ => $"{Question.ToString(CultureInfo.InvariantCulture)} "
                + string.Join(", ", Letters.SkipLast(1).Select(l => $"({l})")) + (Letters.Count > 1 ? " and " : string.Empty) + $"({Letters[^1]})",
        };

        /// <summary>One locator per question the key answers: <c>14 (e) and (f)</c> answers 14 (e) and 14 (f).</summary>
        public IReadOnlyList<string> QuestionLocators => Letters.Count == 0
            ? [Normalized]
            : Letters.Select(l => $"{Question.ToString(CultureInfo.InvariantCulture)} ({l})").ToArray();

        public bool WasPrintedWithLookalikes => Printed != Normalized;

        public static QuestionKey? TryParse(string rawLine, int line, SourceDocument source)
        {
            var printed = rawLine.Trim();
            var match = KeyPattern().Match(printed);
            if (!match.Success)
            {
                return null;
            }

            var letters = new List<char>();
            foreach (var capture in match.Groups["letter"].Captures.Cast<Capture>())
            {
                var folded = TextCleaner.FoldCyrillicLookalikes(capture.Value).ToLowerInvariant();
                if (folded is not [>= 'a' and <= 'z'])
                {
                    throw source.Error(line, $"question key \"{printed}\" has a letter '{capture.Value}' that is not a Latin letter or a look-alike of one");
                }

                if (letters.Count > 0 && folded[0] <= letters[^1])
                {
                    throw source.Error(line, $"combined question key \"{printed}\" does not go forward");
                }

                letters.Add(folded[0]);
            }

            return new QuestionKey(int.Parse(match.Groups["question"].Value, CultureInfo.InvariantCulture), letters, printed, line);
        }

        /// <summary>True when this key comes strictly after <paramref name="previous"/> in question order.</summary>
        public bool Follows(QuestionKey previous) =>
            Question > previous.Question
            || (Question == previous.Question && FirstLetterRank > previous.LastLetterRank);

        private int FirstLetterRank => Letters.Count == 0 ? 0 : Letters[0] - 'a' + 1;

        private int LastLetterRank => Letters.Count == 0 ? 0 : Letters[^1] - 'a' + 1;

        [GeneratedRegex(@"^(?<question>\d{1,3})(?: \((?<letter>\p{L})\)(?:(?:, | and |, and )\((?<letter>\p{L})\))*)?$")]
        private static partial Regex KeyPattern();
    }

    /// <summary>Holds the open heading, key and paragraph, and turns each into records once it is complete.</summary>
    private sealed class ReplyCollector(DocumentBuilder builder, string questionListId)
    {
        private readonly List<QuestionKey> _keysOfSection = [];
        private Section? _section;
        private QuestionKey? _key;
        private QuestionKey? _previousKey;
        private readonly List<string> _keyParagraphIds = [];
        private OpenParagraph? _paragraph;

        public void StartHeading(int line, string title)
        {
            CloseKey();
            if (_section is not null && _keysOfSection.Count == 0)
            {
                builder.Warning(_section.Line, $"heading \"{_section.Title}\" has no question keys under it");
            }

            _keysOfSection.Clear();
            _section = builder.AddSection(line, null, "heading", null, title, "en");
        }

        public void StartKey(QuestionKey key)
        {
            if (_section is null)
            {
                throw builder.Source.Error(key.Line, $"question key \"{key.Printed}\" before any thematic heading");
            }

            CloseKey();
            if (_previousKey is not null && !key.Follows(_previousKey))
            {
                var how = key.Normalized == _previousKey.Normalized ? "repeats" : "goes back from";
                throw builder.Source.Error(
                    key.Line,
                    $"question key \"{key.Printed}\" {how} \"{_previousKey.Printed}\" (line {_previousKey.Line}); keys must follow question order");
            }

            if (key.WasPrintedWithLookalikes)
            {
                builder.Info(key.Line, $"question key \"{key.Printed}\" is printed with Cyrillic look-alike letters; read as \"{key.Normalized}\"");
            }

            _key = key;
            _previousKey = key;
            _keysOfSection.Add(key);
        }

        public bool ContinuesOpenParagraph(string clean) =>
            _paragraph is not null && PageBreakContinuation.Continues(_paragraph.Text, clean);

        public void ContinueParagraph(int line, string clean)
        {
            var paragraph = _paragraph!;
            paragraph.Text = $"{paragraph.Text} {clean}";
            paragraph.EndLine = line;
            builder.Ledger.Join(line, paragraph.Id);
        }

        public void StartParagraph(int line, string clean)
        {
            if (_key is null)
            {
                throw builder.Source.Error(line, "reply paragraph before any question key");
            }

            CloseParagraph();
            var id = $"{builder.NumberedParagraphId(_key.Printed)}/{(_keyParagraphIds.Count + 1).ToString(CultureInfo.InvariantCulture)}";
            if (_keyParagraphIds.Count == 0)
            {
                builder.Ledger.Keep(_key.Line, id);
            }

            _keyParagraphIds.Add(id);
            _paragraph = new OpenParagraph(id, line) { Text = clean, EndLine = line };
            builder.Ledger.Keep(line, id);
        }

        public void Finish()
        {
            CloseKey();
            if (_section is null)
            {
                throw builder.Source.Error(builder.Source.LineCount, "no thematic heading and no replies found");
            }
        }

        private void CloseParagraph()
        {
            if (_paragraph is null)
            {
                return;
            }

            var key = _key!;
            var section = _section!;
            if (PageBreakContinuation.EndsMidSentence(_paragraph.Text))
            {
                builder.Warning(_paragraph.EndLine, $"reply paragraph {_paragraph.Id} ends mid-sentence and nothing continues it");
            }

            builder.AddParagraph(_paragraph.Id, section, key.Normalized, key.Printed, _paragraph.Text, "en", _paragraph.StartLine, _paragraph.EndLine);
            _paragraph = null;
        }

        private void CloseKey()
        {
            CloseParagraph();
            if (_key is null)
            {
                return;
            }

            if (_keyParagraphIds.Count == 0)
            {
                throw builder.Source.Error(_key.Line, $"question key \"{_key.Printed}\" has no reply paragraph");
            }

            foreach (var locator in _key.QuestionLocators)
            {
                var questionId = $"{questionListId}/{StableId.Key(locator)}";
                builder.Recommendations.Add(new Recommendation(
                    questionId, builder.Source.Metadata.Mechanism, locator, null, null, null, _section!.Title, [], false, null));
                foreach (var paragraphId in _keyParagraphIds)
                {
                    builder.ResponseLinks.Add(new ResponseLink(questionId, paragraphId, "responds-to", Evidence(_key)));
                }
            }

            _keyParagraphIds.Clear();
            _key = null;
        }
    }

    /// <summary>Quotes the key as printed; a key with look-alike letters also says how it was read, because the
    /// difference is invisible to a reader.</summary>
    private static string Evidence(QuestionKey key)
    {
        var quoted = $"line {key.Line.ToString(CultureInfo.InvariantCulture)}: key {key.Printed}";
        return key.WasPrintedWithLookalikes ? $"{quoted} (Cyrillic look-alike letters, read as {key.Normalized})" : quoted;
    }

    private sealed class OpenParagraph(string id, int startLine)
    {
        public string Id { get; } = id;

        public int StartLine { get; } = startLine;

        public required string Text { get; set; }

        public required int EndLine { get; set; }
    }
}
