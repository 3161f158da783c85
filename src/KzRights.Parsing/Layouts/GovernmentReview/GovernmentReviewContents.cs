using System.Text.RegularExpressions;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>One entry of the government review's table of contents: a roman chapter (level 1) or a lettered
/// section inside a chapter (level 2). <see cref="Title"/> has the wrapped lines joined and the glued page number
/// split off into <see cref="Page"/> (null where none is printed).</summary>
public sealed record ContentsEntry(string Number, int Level, string Title, int? Page, int Line, int LastLine);

/// <summary>How a body heading agrees with its table-of-contents entry.</summary>
public enum HeadingAgreement
{
    /// <summary>Identical after white space is normalised.</summary>
    Same,

    /// <summary>The same words; only case, dashes, quotes or other punctuation differ.</summary>
    SameWords,

    /// <summary>At most <see cref="GovernmentReviewContents.MaxWordEdits"/> words inserted, deleted or replaced:
    /// the source itself words the two differently, and a warning says how.</summary>
    MinorWording,
}

/// <summary>A table-of-contents entry and the body heading that carries it.</summary>
public sealed record ContentsMatch(ContentsEntry Entry, int BodyLine, int BodyLastLine, string BodyTitle, HeadingAgreement Agreement);

/// <summary>Reads the table of contents and finds each entry's heading in the body, in the same order.</summary>
internal static partial class GovernmentReviewContents
{
    /// <summary>More word edits than this between an entry and its heading is a different heading, not a variant.</summary>
    public const int MaxWordEdits = 2;

    // Wrapped headings are joined from at most this many following lines.
    private const int MaxHeadingWrapLines = 2;

    /// <summary>Parses the entries on lines <paramref name="first"/>..<paramref name="last"/>. An entry starts with
    /// the next expected chapter numeral or section letter; any other line continues the entry above it.</summary>
    public static IReadOnlyList<ContentsEntry> ParseEntries(SourceDocument source, int first, int last)
    {
        var entries = new List<ContentsEntry>();
        var chapters = 0;
        var letters = 0;
        (string Number, int Level, int Line, List<string> Parts)? open = null;

        void Close(int lastLine)
        {
            if (open is { } entry)
            {
                var (title, page) = GluedPageNumber.Split(string.Join(' ', entry.Parts));
                entries.Add(new ContentsEntry(entry.Number, entry.Level, TextCleaner.NormalizeWhitespace(title), page, entry.Line, lastLine));
            }
        }

        var previousTextLine = first;
        for (var line = first; line <= last; line++)
        {
            var text = TextCleaner.Clean(source.Line(line));
            if (text.Length == 0)
            {
                continue;
            }

            var start = EntryStart().Match(text);
            var nextChapter = RomanNumeralValue.Format(chapters + 1);
            var nextLetter = ((char)('A' + letters)).ToString();
            if (start.Success && start.Groups["number"].Value == nextChapter)
            {
                Close(previousTextLine);
                chapters++;
                letters = 0;
                open = (nextChapter, 1, line, [start.Groups["title"].Value]);
            }
            else if (start.Success && chapters > 0 && start.Groups["number"].Value == nextLetter)
            {
                Close(previousTextLine);
                letters++;
                open = (nextLetter, 2, line, [start.Groups["title"].Value]);
            }
            else if (start.Success)
            {
                throw source.Error(
                    line,
                    $"contents entry '{start.Groups["number"].Value}.' out of order: expected chapter {nextChapter}. or section {nextLetter}.");
            }
            else if (open is { } entry)
            {
                entry.Parts.Add(text);
            }
            else
            {
                throw source.Error(line, $"contents text before the first entry: \"{text}\"");
            }

            previousTextLine = line;
        }

        Close(previousTextLine);
        if (entries.Count == 0)
        {
            throw source.Error(first, "the table of contents has no entries");
        }

        return entries;
    }

    /// <summary>Finds each entry's heading in the body (lines <paramref name="first"/>..<paramref name="last"/>),
    /// in contents order. A heading wrapped over following lines is joined when that brings it closer to its
    /// entry. Throws naming the body line when a heading has another number than the next entry, or words that
    /// differ by more than <see cref="MaxWordEdits"/>; throws naming the entry's line when its heading is missing.</summary>
    public static IReadOnlyList<ContentsMatch> MatchBody(SourceDocument source, IReadOnlyList<ContentsEntry> entries, int first, int last)
    {
        var matches = new List<ContentsMatch>();
        var next = 0;
        for (var line = first; line <= last && next < entries.Count; line++)
        {
            var text = TextCleaner.Clean(source.Line(line));
            var start = EntryStart().Match(text);
            if (!start.Success || !LooksLikeHeading(text))
            {
                continue;
            }

            var entry = entries[next];
            if (start.Groups["number"].Value != entry.Number)
            {
                throw source.Error(
                    line,
                    $"heading '{start.Groups["number"].Value}.' where the table of contents (line {entry.Line}) has '{entry.Number}. {entry.Title}' next");
            }

            var (title, lastLine) = JoinWrappedHeading(source, start.Groups["title"].Value, line, last, entry.Title);
            var (agreement, edits) = Compare(entry.Title, title);
            if (agreement is null)
            {
                throw source.Error(line, $"heading '{entry.Number}. {title}' does not match the table of contents (line {entry.Line}): '{entry.Number}. " +
                    $"{entry.Title}' ({edits} words differ)");
            }

            matches.Add(new ContentsMatch(entry, line, lastLine, title, agreement.Value));
            next++;
            line = lastLine;
        }

        if (next < entries.Count)
        {
            throw source.Error(entries[next].Line, $"contents entry '{entries[next].Number}. {entries[next].Title}' has no heading in the body");
        }

        return matches;
    }

    /// <summary>Compares an entry's title with a heading: null agreement when they differ by more than
    /// <see cref="MaxWordEdits"/> words; also returns the number of word edits.</summary>
    public static (HeadingAgreement? Agreement, int WordEdits) Compare(string contentsTitle, string headingTitle)
    {
        if (TextCleaner.NormalizeWhitespace(contentsTitle) == TextCleaner.NormalizeWhitespace(headingTitle))
        {
            return (HeadingAgreement.Same, 0);
        }

        var edits = WordEdits(Words(contentsTitle), Words(headingTitle));
        return edits switch
        {
            0 => (HeadingAgreement.SameWords, 0),
            <= MaxWordEdits => (HeadingAgreement.MinorWording, edits),
            _ => (null, edits),
        };
    }

    private static (string Title, int LastLine) JoinWrappedHeading(SourceDocument source, string title, int line, int last, string contentsTitle)
    {
        var lastLine = line;
        var edits = Compare(contentsTitle, title).WordEdits;
        var candidate = line;
        for (var wrapped = 0; wrapped < MaxHeadingWrapLines && edits > 0; wrapped++)
        {
            candidate = NextTextLine(source, candidate, last);
            if (candidate == 0 || EntryStart().IsMatch(TextCleaner.Clean(source.Line(candidate))))
            {
                break;
            }

            var joined = title + " " + TextCleaner.Clean(source.Line(candidate));
            var joinedEdits = Compare(contentsTitle, joined).WordEdits;
            if (joinedEdits >= edits)
            {
                break;
            }

            (title, edits, lastLine) = (joined, joinedEdits, candidate);
        }

        return (TextCleaner.NormalizeWhitespace(title), lastLine);
    }

    private static int NextTextLine(SourceDocument source, int after, int last)
    {
        for (var line = after + 1; line <= last; line++)
        {
            if (!string.IsNullOrWhiteSpace(source.Line(line)))
            {
                return line;
            }
        }

        return 0;
    }

    // A heading is short and does not end a sentence; this keeps a paragraph that happens to start "A. " out.
    private static bool LooksLikeHeading(string text) => text.Length <= 250 && !text.EndsWith('.');

    private static string[] Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    private static int WordEdits(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(?<number>[IVXLC]+|[A-Z])\.\s+(?<title>\S.*)$")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();
}
