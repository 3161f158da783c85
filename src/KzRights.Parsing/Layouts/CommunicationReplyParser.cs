using System.Globalization;
using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>A State's reply to a special-procedures communication: the mission's cover note verbale, the minister's
/// letter, the reply in the original Russian and the UN translation into English (opened by "Translated from
/// Russian"). Each becomes a part; the reply's subheadings become sections that are paired with their translation.
/// Nothing is dropped except blank lines: letterheads, addresses, dates and signatures are short paragraphs.</summary>
public sealed partial class CommunicationReplyParser : IDocumentParser
{
    private const string NoteTitle = "Note verbale";
    private const string LetterTitle = "Letter of the Minister of Foreign Affairs";
    private const string OriginalTitle = "Reply (Russian original)";
    private const string TranslationTitle = "Reply (English translation)";
    private const string TranslationMark = "Translated from Russian";

    // Subheadings are a few words; an unterminated line longer than this is a paragraph cut by a page break whose
    // continuation was not recognised, and must not silently become a heading.
    private const int LongestHeading = 100;

    public DocumentLayout Layout => DocumentLayout.CommunicationReply;

    public ParsedDocument Parse(SourceDocument source)
    {
        var builder = new DocumentBuilder(source);
        var blocks = SplitIntoBlocks(source);
        var (letterStart, originalStart, translationStart) = FindParts(source, blocks);
        var writer = new ParagraphWriter(builder);

        ReadCorrespondence(writer, AddPart(builder, null, NoteTitle, "en", blocks[0]), blocks[..letterStart]);
        ReadCorrespondence(writer, AddPart(builder, null, LetterTitle, "en", blocks[letterStart]), blocks[letterStart..originalStart]);
        var original = ReadReply(writer, AddPart(builder, "ru", OriginalTitle, "ru", blocks[originalStart]), blocks[originalStart..translationStart], false);
        var translation = ReadReply(writer, AddPart(builder, "en", TranslationTitle, "en", blocks[translationStart]), blocks[translationStart..], true);

        PairTranslations(builder, original, translation);
        AddCommunication(builder, original, translation);
        builder.Ledger.DropRemainingBlankLines();
        return builder.Build();
    }

    /// <summary>Runs of consecutive non-blank lines.</summary>
    private static Block[] SplitIntoBlocks(SourceDocument source)
    {
        var blocks = new List<Block>();
        var current = new List<int>();
        foreach (var line in source.LineNumbers)
        {
            if (!string.IsNullOrWhiteSpace(source.Line(line)))
            {
                current.Add(line);
                continue;
            }

            if (current.Count > 0)
            {
                blocks.Add(new Block(current.ToArray()));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(new Block(current.ToArray()));
        }

        return blocks.Select(b => b with { Text = string.Join(' ', b.Lines.Select(n => CleanLine(source, n)).Where(t => t.Length > 0)) }).ToArray();
    }

    /// <summary>The letter opens with the ministry's Kazakh letterhead, the original reply is the first Russian block
    /// after it, and the translation opens with the translators' mark.</summary>
    private static (int Letter, int Original, int Translation) FindParts(SourceDocument source, Block[] blocks)
    {
        if (blocks.Length == 0)
        {
            throw source.Error(1, "empty document");
        }

        var letter = Array.FindIndex(blocks, b => b.Text.Any(IsKazakhLetter));
        if (letter <= 0)
        {
            throw source.Error(blocks[0].FirstLine, "no Kazakh letterhead after the note verbale: cannot tell where the minister's letter starts");
        }

        var original = Array.FindIndex(blocks, letter + 1, b => IsMostlyCyrillic(b.Text));
        if (original < 0)
        {
            throw source.Error(blocks[letter].FirstLine, "no Russian text after the minister's letter: the original reply is missing");
        }

        var translation = Array.FindIndex(blocks, original + 1, b => b.Text == TranslationMark);
        if (translation < 0)
        {
            throw source.Error(blocks[original].FirstLine, $"no \"{TranslationMark}\" line: the English translation of the reply is missing");
        }

        if (blocks[translation].Lines.Count != 1)
        {
            throw source.Error(blocks[translation].FirstLine, $"\"{TranslationMark}\" is expected on a line of its own");
        }

        return (letter, original, translation);
    }

    // A part has no heading line of its own: its first line belongs to its first paragraph.
    private static Section AddPart(DocumentBuilder builder, string? number, string title, string language, Block first) =>
        builder.AddSection(first.FirstLine, null, "part", number, title, language, keepHeadingLine: false);

    /// <summary>The note and the letter: every block (letterhead, number, date, address, body, signature) is one
    /// paragraph; the language of letterhead blocks is read from their script and words.</summary>
    private static void ReadCorrespondence(ParagraphWriter writer, Section part, Block[] blocks)
    {
        foreach (var block in blocks)
        {
            if (writer.OpenText is { } previous && PageBreakContinuation.EndsMidSentence(previous) && PageBreakContinuation.StartsMidSentence(block.Text))
            {
                writer.Continue(block);
                continue;
            }

            writer.Close();
            writer.Start(part, block, LanguageOf(block.Text, part.Language));
        }

        writer.Close();
    }

    /// <summary>The reply: title (after the translators' mark and followed by a reference line in the translation),
    /// opening paragraphs, then subheadings with their paragraphs. Numbered items are sub-items of the lead-in
    /// paragraph that announces them with a colon.</summary>
    private static ReplyPart ReadReply(ParagraphWriter writer, Section part, Block[] blocks, bool translated)
    {
        var source = writer.Source;
        var next = 0;
        var furniture = new List<string>();
        if (translated)
        {
            furniture.Add(writer.AddWholeBlock(part, blocks[next++], part.Language));
        }

        if (next >= blocks.Length)
        {
            throw source.Error(blocks[^1].LastLine, "reply has no title");
        }

        var titleId = writer.AddWholeBlock(part, blocks[next++], part.Language);
        if (translated && next < blocks.Length && blocks[next].Lines.Count == 1 && ReferenceLine().IsMatch(blocks[next].Text))
        {
            furniture.Add(writer.AddWholeBlock(part, blocks[next++], part.Language));
        }

        var units = new List<PairingUnit> { new(part, []) };
        var lines = blocks[next..].SelectMany(b => b.Lines).Select(n => (Line: n, Text: CleanLine(source, n))).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var (line, text) = lines[i];
            var following = i + 1 < lines.Length ? lines[i + 1].Text : null;
            if (NumberedItem().Match(text) is { Success: true } item)
            {
                writer.AddSubItem(line, item.Groups["number"].Value, item.Groups["text"].Value);
            }
            else if (writer.OpenText is { } open && PageBreakContinuation.Continues(open, text))
            {
                writer.Continue(line, text);
            }
            else if (PageBreakContinuation.EndsMidSentence(text) && !(following is not null && PageBreakContinuation.Continues(text, following)))
            {
                if (text.Length > LongestHeading || text.EndsWith(','))
                {
                    throw source.Error(line, "paragraph ends mid-sentence and no following line continues it");
                }

                writer.Close();
                var heading = writer.Builder.AddSection(line, part, "heading", null, text, part.Language);
                units.Add(new PairingUnit(heading, []));
            }
            else
            {
                writer.Close();
                units[^1].ParagraphIds.Add(writer.Start(units[^1].Section, line, text, part.Language));
            }
        }

        writer.Close();
        foreach (var empty in units.Skip(1).Where(u => u.ParagraphIds.Count == 0))
        {
            writer.Builder.Warning(empty.Section.Line, $"subheading \"{empty.Section.Title}\" has no paragraphs");
        }

        var sectionIds = units.Select(u => u.Section.Id).ToHashSet(StringComparer.Ordinal);
        var all = writer.Builder.Paragraphs.Where(p => sectionIds.Contains(p.SectionId!)).Select(p => p.Id).ToArray();
        return new ReplyPart(part, titleId, furniture, units, all);
    }

    /// <summary>Sections are paired by order once their counts agree; paragraphs only inside a pair of sections with
    /// equal paragraph counts, because anywhere else a pairing would be a guess.</summary>
    private static void PairTranslations(DocumentBuilder builder, ReplyPart original, ReplyPart translation)
    {
        if (original.Units.Count != translation.Units.Count)
        {
            throw builder.Source.Error(
                translation.Part.Line,
                $"the original has {original.Units.Count - 1} subheadings, the translation {translation.Units.Count - 1}: sections cannot be paired");
        }

        void Link(string kind, string from, string to) =>
            builder.Translations.Add(new TranslationLink(kind, from, original.Part.Language, to, translation.Part.Language));

        Link("section", original.Part.Id, translation.Part.Id);
        Link("paragraph", original.TitleParagraphId, translation.TitleParagraphId);
        foreach (var id in translation.FurnitureParagraphIds)
        {
            var line = builder.Paragraphs.Single(p => p.Id == id).StartLine;
            builder.Info(line, $"translation paragraph {id} is the translators' furniture and has no counterpart in the original");
        }

        foreach (var (from, to) in original.Units.Zip(translation.Units))
        {
            if (from.Section.Level > 1)
            {
                Link("section", from.Section.Id, to.Section.Id);
            }

            if (from.ParagraphIds.Count != to.ParagraphIds.Count)
            {
                builder.Warning(to.Section.Line, $"section \"{from.Section.Title}\" has {from.ParagraphIds.Count} paragraphs in the original and " +
                    $"\"{to.Section.Title}\" {to.ParagraphIds.Count} in the translation: paragraphs not paired");
                continue;
            }

            foreach (var (fromParagraph, toParagraph) in from.ParagraphIds.Zip(to.ParagraphIds))
            {
                Link("paragraph", fromParagraph, toParagraph);
            }
        }
    }

    /// <summary>The communication answered, identified by the reference the note verbale prints, which must be the
    /// manifest's symbol; every paragraph of the reply (both languages) responds to it.</summary>
    private static void AddCommunication(DocumentBuilder builder, ReplyPart original, ReplyPart translation)
    {
        var source = builder.Source;
        var printed = source.LineNumbers
            .Select(n => (Line: n, Match: CommunicationReference().Match(source.Line(n))))
            .FirstOrDefault(m => m.Match.Success);
        if (printed.Match is null)
        {
            throw source.Error(1, "no communication reference (e.g. \"AL KAZ 4/2025\") printed in the document");
        }

        var reference = printed.Match.Value;
        if (reference != source.Metadata.Symbol)
        {
            throw source.Error(printed.Line, $"printed reference \"{reference}\" is not the manifest's symbol \"{source.Metadata.Symbol}\"");
        }

        var communicationId = $"sp/{StableId.Slug(reference, 48)}";
        builder.Recommendations.Add(new Recommendation(communicationId, source.Metadata.Mechanism, reference, null, null, null, null, [], false, null));
        foreach (var (part, description) in new[] { (original, "Russian original"), (translation, "English translation") })
        {
            foreach (var id in part.AllParagraphIds)
            {
                builder.ResponseLinks.Add(new ResponseLink(communicationId, id, "responds-to", $"reply to {reference} ({description})"));
            }
        }
    }

    private static string CleanLine(SourceDocument source, int line)
    {
        var clean = TextCleaner.Clean(source.Line(line));
        if (clean.Any(TextCleaner.IsSuperscriptDigit))
        {
            throw source.Error(line, "superscript footnote marker, but a communication reply carries no footnotes");
        }

        return clean;
    }

    private static bool IsKazakhLetter(char c) => "ӘәҒғҚқҢңӨөҰұҮүҺһІі".Contains(c);

    private static bool IsMostlyCyrillic(string text) =>
        text.Count(c => c is >= 'Ѐ' and <= 'ӿ') > text.Count(char.IsAsciiLetter);

    /// <summary>Letterheads are printed in Kazakh and French beside the English text; body blocks are in the part's
    /// language.</summary>
    private static string LanguageOf(string text, string partLanguage)
    {
        if (text.Any(IsKazakhLetter))
        {
            return "kk";
        }

        if (IsMostlyCyrillic(text))
        {
            return "ru";
        }

        return FrenchFunctionWord().Count(text) >= 2 && !EnglishFunctionWord().IsMatch(text) ? "fr" : partLanguage;
    }

    [GeneratedRegex(@"^Ref\.: \S.*$")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^(?<number>\d{1,2})\.\s+(?<text>\S.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"\b(?:AL|UA|OL|JAL|JUA|JOL) [A-Z]{3} \d+/\d{4}\b")]
    private static partial Regex CommunicationReference();

    [GeneratedRegex(@"\b(?:de|du|des|la|le|les|et|auprès|leur|siège)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchFunctionWord();

    [GeneratedRegex(@"\b(?:of|the|and|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishFunctionWord();

    private sealed record Block(IReadOnlyList<int> Lines)
    {
        public string Text { get; init; } = string.Empty;

        public int FirstLine => Lines[0];

        public int LastLine => Lines[^1];
    }

    /// <summary>The paragraphs of a section (or of a part, before its first subheading) that take part in pairing.</summary>
    private sealed record PairingUnit(Section Section, List<string> ParagraphIds);

    private sealed record ReplyPart(
        Section Part,
        string TitleParagraphId,
        IReadOnlyList<string> FurnitureParagraphIds,
        IReadOnlyList<PairingUnit> Units,
        IReadOnlyList<string> AllParagraphIds);

    /// <summary>Builds one paragraph at a time, so that a page-break continuation or a numbered item can still be
    /// added to it.</summary>
    private sealed class ParagraphWriter(DocumentBuilder builder)
    {
        private OpenParagraph? _open;

        public DocumentBuilder Builder { get; } = builder;

        public SourceDocument Source => Builder.Source;

        /// <summary>The text a continuation line would extend: the last sub-item's, else the paragraph's.</summary>
        public string? OpenText => _open is null ? null : _open.SubItems.Count > 0 ? _open.SubItems[^1].Text : _open.Text;

        public string Start(Section section, int line, string text, string language)
        {
            Close();
            _open = new OpenParagraph(Builder.NextUnnumberedParagraphId(section), section, language, line) { Text = text, EndLine = line };
            Builder.Ledger.Keep(line, _open.Id);
            return _open.Id;
        }

        public string Start(Section section, Block block, string language)
        {
            var id = Start(section, block.FirstLine, string.Empty, language);
            foreach (var line in block.Lines.Skip(1))
            {
                Builder.Ledger.Join(line, id);
            }

            _open!.Text = block.Text;
            _open.EndLine = block.LastLine;
            return id;
        }

        public string AddWholeBlock(Section section, Block block, string language)
        {
            var id = Start(section, block, language);
            Close();
            return id;
        }

        public void Continue(int line, string text)
        {
            var open = _open!;
            if (open.SubItems.Count > 0)
            {
                open.SubItems[^1].Text = $"{open.SubItems[^1].Text} {text}";
                Builder.Ledger.Join(line, open.SubItems[^1].Id);
            }
            else
            {
                open.Text = $"{open.Text} {text}";
                Builder.Ledger.Join(line, open.Id);
            }

            open.EndLine = line;
        }

        public void Continue(Block block)
        {
            foreach (var line in block.Lines)
            {
                Continue(line, CleanLine(Source, line));
            }
        }

        /// <summary>A numbered item belongs to the paragraph that announces it with a colon, and items count 1, 2, 3….</summary>
        public void AddSubItem(int line, string label, string text)
        {
            if (_open is null)
            {
                throw Source.Error(line, $"numbered item {label}. with no paragraph before it");
            }

            var expected = _open.SubItems.Count + 1;
            if (label != expected.ToString(CultureInfo.InvariantCulture))
            {
                throw Source.Error(line, $"numbered item {label}. where item {expected.ToString(CultureInfo.InvariantCulture)}. was expected");
            }

            if (expected == 1 && !_open.Text.EndsWith(':'))
            {
                throw Source.Error(line, "numbered item 1. does not follow a lead-in ending with a colon");
            }

            var item = new OpenSubItem(StableId.SubItem(_open.Id, label), label, line) { Text = text };
            _open.SubItems.Add(item);
            _open.EndLine = line;
            Builder.Ledger.Keep(line, item.Id);
        }

        public void Close()
        {
            if (_open is not { } open)
            {
                return;
            }

            if (open.Text.Length == 0)
            {
                throw Source.Error(open.StartLine, "paragraph without text");
            }

            var subItems = open.SubItems.Select(s => new SubItemText(s.Label, s.Text, s.Line)).ToArray();
            Builder.AddParagraph(open.Id, open.Section, null, null, open.Text, open.Language, open.StartLine, open.EndLine, subItems);
            _open = null;
        }
    }

    private sealed class OpenParagraph(string id, Section section, string language, int startLine)
    {
        public string Id { get; } = id;

        public Section Section { get; } = section;

        public string Language { get; } = language;

        public int StartLine { get; } = startLine;

        public required string Text { get; set; }

        public required int EndLine { get; set; }

        public List<OpenSubItem> SubItems { get; } = [];
    }

    private sealed class OpenSubItem(string id, string label, int line)
    {
        public string Id { get; } = id;

        public string Label { get; } = label;

        public int Line { get; } = line;

        public required string Text { get; set; }
    }
}
