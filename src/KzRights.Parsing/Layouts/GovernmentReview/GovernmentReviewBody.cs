using System.Text.RegularExpressions;
using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Turns the body lines of the review into unnumbered paragraphs. The PDF had text boxes (pull quotes)
/// beside the body; the conversion put their lines in the middle of the page's text, often inside a body paragraph,
/// so a paragraph may be cut in two with box lines between the halves. The rules, in the order they apply:
/// <list type="number">
/// <item>Consecutive non-blank lines are one block; a run of three or more short lines (under
/// <see cref="ShortLineLength"/> characters, each but the last unfinished) is one text box.</item>
/// <item>A short single line that reads like a title (no punctuation, followed by a long paragraph) is a level-3
/// sub-heading.</item>
/// <item>A block whose text (letters and digits, case folded) occurs inside a longer ordinary block repeats
/// the body: it is set aside before joining, so an unfinished pull quote cannot capture a continuation. Except an
/// unfinished block whose container goes on with the words a later continuation starts with: that container is a
/// pull quote of the whole sentence, and the block is the body's first half.</item>
/// <item>A block starting with a lower-case letter continues the nearest open paragraph above it in the same
/// section (open: it does not end a sentence); one starting with a digit does so only when that paragraph stops
/// mid-clause (comma, function word, number).</item>
/// <item>A lower-case block with no open paragraph above it was printed before its start: it continues the first
/// paragraph below it that stops mid-clause.</item>
/// <item>A paragraph of at least <see cref="CapitalisedJoinMinimumLength"/> characters that stops mid-clause is
/// continued by the first capitalised block after it, skipping at most <see cref="MaxInterposedBlocks"/> blocks
/// that open with a function word (<c>In…</c>, <c>On…</c>, <c>The…</c>: box sentences of their own).</item>
/// <item>After joining, a paragraph whose text occurs in a longer kept paragraph is dropped as a repeated side box;
/// one copy, the longer body one, stays.</item>
/// </list>
/// A paragraph still open at the end is kept as it is, with a warning.</summary>
internal sealed partial class GovernmentReviewBody(DocumentBuilder builder)
{
    public const int ShortLineLength = 72;
    public const int CapitalisedJoinMinimumLength = 80;
    public const int MaxInterposedBlocks = 6;

    // Shorter texts (a few words) are too common to prove that a line repeats another.
    public const int MinimumRepeatKeyLength = 20;

    // Letters of a pull quote's text past a split that must recur at the start of the continuation.
    private const int QuotedContinuationLength = 20;

    // Two short lines may be a fragment and a sentence; three or more in a row, each unfinished, are a box.
    private const int MinTextBoxLines = 3;

    private const int SubHeadingMaxLength = 60;
    private const int SubHeadingMaxWords = 8;

    private readonly SourceDocument _source = builder.Source;

    /// <summary>Splits off level-3 sub-headings found in the body of <paramref name="sections"/>, returning the
    /// new sections (their bodies run to the end of the parent's body or the next sub-heading).</summary>
    public List<(Section Section, int First, int Last)> WithSubHeadings(IReadOnlyList<(Section Section, int First, int Last)> sections)
    {
        var result = new List<(Section, int, int)>();
        foreach (var (section, first, last) in sections)
        {
            var blocks = RawBlocks(section, first, last, accountMarkup: false);
            var start = first;
            var current = section;
            for (var i = 0; i < blocks.Count; i++)
            {
                if (!IsSubHeading(blocks, i))
                {
                    continue;
                }

                var line = blocks[i].Lines[0];
                result.Add((current, start, line - 1));
                var title = blocks[i].Text;
                // Printed in the body only, one level below the table of contents' deepest entries.
                current = builder.AddSection(line, section, "heading", null, title, _source.Metadata.OriginalLanguage, level: 3);
                builder.Info(line, $"unnumbered sub-heading of {section.Number ?? section.Title} (not in the table of contents): \"{title}\"");
                start = line + 1;
            }

            result.Add((current, start, last));
        }

        return result;
    }

    /// <summary>Builds the paragraphs of every section and accounts for every body line.</summary>
    public void Assemble(IReadOnlyList<(Section Section, int First, int Last)> sections)
    {
        var perSection = sections.Select(s => (s.Section, Blocks: MergeTextBoxes(RawBlocks(s.Section, s.First, s.Last, accountMarkup: true)))).ToList();
        var allBlocks = perSection.SelectMany(s => s.Blocks).ToList();
        var setAside = SetAsideRepeatsBeforeJoining(allBlocks);

        var chainsBySection = perSection
            .Select(s => s.Blocks.Where(b => !setAside.Contains(b)).Select(b => new Chain(b)).ToList())
            .ToList();
        foreach (var chains in chainsBySection)
        {
            JoinLowerCaseContinuations(chains);
            JoinContinuationsPrintedFirst(chains);
            JoinCapitalisedContinuations(chains);
        }

        var live = chainsBySection.SelectMany(c => c).Where(c => !c.Absorbed).ToList();
        var kept = DropRepeatsAfterJoining(live);
        var keptKeys = kept.Select(c => c.Key).ToList();
        foreach (var block in allBlocks.Where(setAside.Contains))
        {
            if (!keptKeys.Any(k => k.Contains(block.Key, StringComparison.Ordinal)))
            {
                // Its container was itself a box that did not survive: the text is not in the body after all.
                builder.Warning(block.Lines[0], "text set aside as a repeat is not in any kept paragraph: kept as its own paragraph");
                kept.Add(new Chain(block));
                continue;
            }

            foreach (var line in block.Lines)
            {
                builder.Ledger.Drop(line, DropReasons.RepeatedSideBox);
            }
        }

        foreach (var chain in live.Except(kept))
        {
            foreach (var line in chain.Blocks.SelectMany(b => b.Lines))
            {
                builder.Ledger.Drop(line, DropReasons.RepeatedSideBox);
            }
        }

        Emit(kept);
    }

    /// <summary>The cleaned text used to compare blocks: letters and digits only, lower case.</summary>
    public static string RepeatKey(string text) => TextCleaner.LettersAndDigits(text).ToLowerInvariant();

    /// <summary>True when the text ends a sentence, a trailing reference marker (<c>.xix</c>, <c>.^{xi}</c>,
    /// <c>.ⁱⁱ</c>) ignored.</summary>
    public static bool EndsSentence(string text) => SentenceEdges.EndsSentence(WithoutTrailingReferenceMarker(text));

    public static bool EndsMidClause(string text) => SentenceEdges.EndsMidClause(WithoutTrailingReferenceMarker(text));

    private static string WithoutTrailingReferenceMarker(string text)
    {
        var match = TrailingReferenceMarker().Match(text);
        return match.Success ? text[..match.Index] : text;
    }

    private List<Block> RawBlocks(Section section, int first, int last, bool accountMarkup)
    {
        var blocks = new List<Block>();
        List<int>? lines = null;
        for (var line = first; line <= last + 1; line++)
        {
            var raw = line <= last ? _source.Line(line) : string.Empty;
            var isText = TextCleaner.Clean(raw).Length > 0;
            if (!isText && !string.IsNullOrWhiteSpace(raw) && accountMarkup)
            {
                // A line of "**" only: emphasis whose text went elsewhere in the conversion.
                builder.Ledger.Drop(line, DropReasons.EmptyMarkup);
            }

            if (isText)
            {
                (lines ??= []).Add(line);
            }
            else if (lines is not null)
            {
                blocks.Add(new Block(section, lines, string.Join(' ', lines.Select(l => TextCleaner.Clean(_source.Line(l)))), isTextBox: false));
                lines = null;
            }
        }

        return blocks;
    }

    private static bool IsSubHeading(List<Block> blocks, int i)
    {
        var block = blocks[i];
        var text = block.Text;
        return block.Lines.Count == 1
            && text.Length <= SubHeadingMaxLength
            && text.Split(' ').Length <= SubHeadingMaxWords
            && SentenceEdges.StartsUpperCase(text)
            && !text.Any(c => c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '(' or ')')
            && !SentenceEdges.StartsWithDigit(text)
            && !EndsMidClauseWord(text)
            && (i == 0 || EndsSentence(blocks[i - 1].Text))
            && i + 1 < blocks.Count
            && SentenceEdges.StartsUpperCase(blocks[i + 1].Text)
            && blocks[i + 1].Text.Length > ShortLineLength;
    }

    private static bool EndsMidClauseWord(string text) =>
        SentenceEdges.EndsMidClause(text) && !char.IsUpper(SentenceEdges.LastWord(text)[0]);

    private static List<Block> MergeTextBoxes(List<Block> blocks)
    {
        var merged = new List<Block>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var end = i;
            while (end + 1 < blocks.Count && IsShortLine(blocks[end]) && IsShortLine(blocks[end + 1]) && !EndsSentence(blocks[end].Text))
            {
                end++;
            }

            if (end + 1 - i < MinTextBoxLines)
            {
                merged.Add(blocks[i]);
                continue;
            }

            var run = blocks[i..(end + 1)];
            merged.Add(new Block(blocks[i].Section, run.SelectMany(b => b.Lines).ToList(), string.Join(' ', run.Select(b => b.Text)), isTextBox: true));
            i = end;
        }

        return merged;
    }

    private static bool IsShortLine(Block block) => block.Lines.Count == 1 && block.Text.Length < ShortLineLength;

    private static HashSet<Block> SetAsideRepeatsBeforeJoining(List<Block> blocks)
    {
        var setAside = new HashSet<Block>();
        foreach (var block in blocks)
        {
            // A lower-case or digit start is a continuation fragment: judged after joining.
            if (block.Key.Length < MinimumRepeatKeyLength || SentenceEdges.StartsLowerCase(block.Text))
            {
                continue;
            }

            var container = blocks.FirstOrDefault(other => !ReferenceEquals(other, block)
                && !other.IsTextBox
                && (other.Key.Length > block.Key.Length || (other.Key.Length == block.Key.Length && other.Lines[0] < block.Lines[0]))
                && other.Key.Contains(block.Key, StringComparison.Ordinal));
            if (container is not null && !QuotedAcrossItsSplit(block, container, blocks))
            {
                setAside.Add(block);
            }
        }

        return setAside;
    }

    /// <summary>An unfinished block inside a longer one is the first half of a split body paragraph, not a repeat,
    /// when the longer one (a pull quote of the whole sentence) goes on with the words that a later continuation
    /// block of the same section starts with: the box quoted the body across its page break.</summary>
    private static bool QuotedAcrossItsSplit(Block block, Block container, List<Block> blocks)
    {
        if (EndsSentence(block.Text))
        {
            return false;
        }

        var rest = container.Key[(container.Key.IndexOf(block.Key, StringComparison.Ordinal) + block.Key.Length)..];
        if (rest.Length == 0)
        {
            return false;
        }

        var quoted = rest[..Math.Min(rest.Length, QuotedContinuationLength)];
        return blocks.Any(c => ReferenceEquals(c.Section, block.Section)
            && c.Lines[0] > block.Lines[0]
            && (SentenceEdges.StartsLowerCase(c.Text) || SentenceEdges.StartsWithDigit(c.Text))
            && c.Key.StartsWith(quoted, StringComparison.Ordinal));
    }

    private static void JoinLowerCaseContinuations(List<Chain> chains)
    {
        for (var i = 0; i < chains.Count; i++)
        {
            var candidate = chains[i];
            var lower = SentenceEdges.StartsLowerCase(candidate.Text);
            if (candidate.Absorbed || !(lower || SentenceEdges.StartsWithDigit(candidate.Text)))
            {
                continue;
            }

            var open = chains.Take(i)
                .Where(c => !c.Absorbed && !EndsSentence(c.Tail.Text))
                .MaxBy(c => c.Tail.Lines[^1]);
            if (open is not null && (lower || EndsMidClause(open.Tail.Text)))
            {
                open.Append(candidate);
            }
        }
    }

    private void JoinContinuationsPrintedFirst(List<Chain> chains)
    {
        for (var i = 0; i < chains.Count; i++)
        {
            var orphan = chains[i];
            if (orphan.Absorbed || !SentenceEdges.StartsLowerCase(orphan.Text))
            {
                continue;
            }

            // Still unjoined after the forward pass: no open paragraph stands above it.
            var start = chains.Skip(i + 1).FirstOrDefault(c => !c.Absorbed && EndsMidClause(c.Tail.Text));
            if (start is null)
            {
                continue;
            }

            builder.Info(orphan.Head.Lines[0], $"continuation printed before the start of its paragraph (line {start.Head.Lines[0]}): joined after it");
            start.Append(orphan);
        }
    }

    private void JoinCapitalisedContinuations(List<Chain> chains)
    {
        for (var i = 0; i < chains.Count; i++)
        {
            var open = chains[i];
            if (open.Absorbed || open.Text.Length < CapitalisedJoinMinimumLength || !EndsMidClause(open.Tail.Text))
            {
                continue;
            }

            var interposed = 0;
            foreach (var candidate in chains.Skip(i + 1).Where(c => !c.Absorbed))
            {
                if (SentenceEdges.StartsWithFunctionWord(candidate.Text) && interposed < MaxInterposedBlocks)
                {
                    interposed++;
                    continue;
                }

                if (SentenceEdges.StartsUpperCase(candidate.Text) && !SentenceEdges.StartsWithFunctionWord(candidate.Text))
                {
                    builder.Info(
                        candidate.Head.Lines[0],
                        $"capitalised continuation of the paragraph at line {open.Head.Lines[0]} (it stops mid-clause: \"…{Tail(open.Tail.Text)}\")");
                    open.Append(candidate);
                }

                break;
            }
        }
    }

    private static List<Chain> DropRepeatsAfterJoining(List<Chain> chains)
    {
        var kept = new List<Chain>();
        foreach (var chain in chains.OrderByDescending(c => c.Key.Length).ThenBy(c => c.Head.Lines[0]))
        {
            if (chain.Key.Length >= MinimumRepeatKeyLength && kept.Any(k => k.Key.Contains(chain.Key, StringComparison.Ordinal)))
            {
                continue;
            }

            kept.Add(chain);
        }

        return kept;
    }

    private void Emit(List<Chain> kept)
    {
        foreach (var group in kept.GroupBy(c => c.Head.Section).OrderBy(g => g.Key.Line))
        {
            foreach (var chain in group.OrderBy(c => c.Head.Lines[0]))
            {
                var section = group.Key;
                var id = builder.NextUnnumberedParagraphId(section);
                var lines = chain.Blocks.SelectMany(b => b.Lines).ToList();
                builder.Ledger.Keep(lines[0], id);
                foreach (var line in lines.Skip(1))
                {
                    builder.Ledger.Join(line, id);
                }

                if (!EndsSentence(chain.Tail.Text))
                {
                    builder.Warning(lines[0], $"paragraph ends without a full stop and no continuation was found: \"…{Tail(chain.Tail.Text)}\"");
                }

                builder.AddParagraph(
                    id, section, null, null, TextCleaner.NormalizeWhitespace(chain.Text), _source.Metadata.OriginalLanguage, lines[0], lines[^1]);
            }
        }
    }

    private static string Tail(string text) => text.Length <= 40 ? text : text[^40..];

    // A reference to the closing list of sources, after the full stop: ".xix", ". xii", ".^{xi}", ".ⁱⁱ", ". **xvii*".
    [GeneratedRegex(@"(?:\s*(?:\^\{[ivxlc]+\}|[\u2071\u1D5B\u02E3]+)|(?<=[.!?][""'”’)]*)\s*[ivxlc]+)\**\s*$")]
    private static partial Regex TrailingReferenceMarker();

    private sealed class Block(Section section, List<int> lines, string text, bool isTextBox)
    {
        public Section Section { get; } = section;
        public List<int> Lines { get; } = lines;
        public string Text { get; } = text;
        public bool IsTextBox { get; } = isTextBox;
        public string Key { get; } = RepeatKey(text);
    }

    private sealed class Chain(Block head)
    {
        public List<Block> Blocks { get; } = [head];
        public bool Absorbed { get; private set; }
        public Block Head => Blocks[0];
        public Block Tail => Blocks[^1];
        public string Text => string.Join(' ', Blocks.Select(b => b.Text));
        public string Key => _key ??= RepeatKey(Text);

        private string? _key;

        public void Append(Chain continuation)
        {
            Blocks.AddRange(continuation.Blocks);
            continuation.Absorbed = true;
            _key = null;
        }
    }
}
