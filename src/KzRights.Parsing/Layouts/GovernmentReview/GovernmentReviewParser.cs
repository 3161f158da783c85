using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>The Ministry of Justice's annual review of the human rights situation (English, converted from a PDF
/// with text boxes). Layout: a title in capitals and an introduction; a table of contents (dropped, but checked
/// against the body headings); roman chapters, with lettered sections inside one of them, holding unnumbered
/// paragraphs mixed with pull-quote text boxes; a closing chapter listing roman-numbered sources.</summary>
public sealed class GovernmentReviewParser : IDocumentParser
{
    // Next year's review may word these a little differently; each is compared case-insensitively.
    private static readonly string[] ContentsHeadings = ["CONTENTS", "TABLE OF CONTENTS"];
    private static readonly string[] SourcesTitlePrefixes = ["Sources", "List of sources", "List of references"];

    public DocumentLayout Layout => DocumentLayout.GovernmentReview;

    /// <summary>The table of contents with the body heading each entry was matched to; throws like
    /// <see cref="Parse"/> when they disagree.</summary>
    public static IReadOnlyList<ContentsMatch> ReadContents(SourceDocument source) => ReadOutline(source).Contents;

    public ParsedDocument Parse(SourceDocument source)
    {
        var builder = new DocumentBuilder(source);
        var outline = ReadOutline(source);
        var language = source.Metadata.OriginalLanguage;

        var introduction = builder.AddSection(outline.TitleLine, null, "part", null, outline.Title, language);
        for (var line = outline.ContentsLine; line <= outline.ContentsLastLine; line++)
        {
            if (!string.IsNullOrWhiteSpace(source.Line(line)))
            {
                builder.Ledger.Drop(line, DropReasons.TableOfContents);
            }
        }

        var bodies = new List<(Section Section, int First, int Last)> { (introduction, outline.TitleLine + 1, outline.ContentsLine - 1) };
        Section? chapter = null;
        (Section Section, int First, int Last)? sources = null;
        for (var i = 0; i < outline.Contents.Count; i++)
        {
            var match = outline.Contents[i];
            var entry = match.Entry;
            var parent = entry.Level == 1 ? null : chapter;
            var kind = entry.Level == 1 ? "chapter" : "heading";
            var section = builder.AddSection(match.BodyLine, parent, kind, entry.Number, match.BodyTitle, language, level: entry.Level);
            if (entry.Level == 1)
            {
                chapter = section;
            }

            for (var line = match.BodyLine + 1; line <= match.BodyLastLine; line++)
            {
                if (!string.IsNullOrWhiteSpace(source.Line(line)))
                {
                    builder.Ledger.Join(line, section.Id);
                }
            }

            Describe(builder, match);
            var bodyLast = i + 1 < outline.Contents.Count ? outline.Contents[i + 1].BodyLine - 1 : source.LineCount;
            var body = (section, match.BodyLastLine + 1, bodyLast);
            if (entry.Level == 1 && SourcesTitlePrefixes.Any(p => match.BodyTitle.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (i + 1 != outline.Contents.Count)
                {
                    throw source.Error(match.BodyLine, "the list of sources must be the last chapter");
                }

                sources = body;
            }
            else
            {
                bodies.Add(body);
            }
        }

        if (sources is not { } list)
        {
            throw source.Error(outline.ContentsLine, $"no chapter titled '{string.Join("' or '", SourcesTitlePrefixes)} …' in the table of contents");
        }

        var assembler = new GovernmentReviewBody(builder);
        bodies = assembler.WithSubHeadings(bodies);
        assembler.Assemble(bodies);
        GovernmentReviewSources.Parse(builder, list.First, list.Last);
        builder.Ledger.DropRemainingBlankLines();
        return builder.Build();
    }

    private static Outline ReadOutline(SourceDocument source)
    {
        var titleLine = source.LineNumbers.FirstOrDefault(l => !string.IsNullOrWhiteSpace(source.Line(l)));
        if (titleLine == 0)
        {
            throw source.Error(1, "the document is empty");
        }

        var title = TextCleaner.Clean(source.Line(titleLine));
        if (!title.Any(char.IsLetter) || title.Any(char.IsLower))
        {
            throw source.Error(titleLine, $"expected the review's title in capitals, found \"{title}\"");
        }

        var contentsLine = source.LineNumbers.Skip(titleLine).FirstOrDefault(l =>
            ContentsHeadings.Contains(TextCleaner.Clean(source.Line(l)), StringComparer.OrdinalIgnoreCase));
        if (contentsLine == 0)
        {
            throw source.Error(titleLine, $"no '{string.Join("' or '", ContentsHeadings)}' line: the headings cannot be checked");
        }

        // The contents run from the first entry to the first blank line after it.
        var firstEntry = source.LineNumbers.Skip(contentsLine).FirstOrDefault(l => !string.IsNullOrWhiteSpace(source.Line(l)));
        if (firstEntry == 0)
        {
            throw source.Error(contentsLine, "the table of contents has no entries");
        }

        var lastEntry = firstEntry;
        while (lastEntry < source.LineCount && !string.IsNullOrWhiteSpace(source.Line(lastEntry + 1)))
        {
            lastEntry++;
        }

        var entries = GovernmentReviewContents.ParseEntries(source, firstEntry, lastEntry);
        var contents = GovernmentReviewContents.MatchBody(source, entries, lastEntry + 1, source.LineCount);
        return new Outline(title, titleLine, contentsLine, lastEntry, contents);
    }

    private static void Describe(DocumentBuilder builder, ContentsMatch match)
    {
        var entry = match.Entry;
        switch (match.Agreement)
        {
            case HeadingAgreement.SameWords:
                builder.Info(
                    match.BodyLine,
                    $"heading {entry.Number} differs from the table of contents (line {entry.Line}) only in case or punctuation: \"{entry.Title}\"");
                break;
            case HeadingAgreement.MinorWording:
                builder.Warning(
                    match.BodyLine,
                    $"heading {entry.Number} is worded differently in the table of contents (line {entry.Line}): \"{entry.Title}\"; the body heading is kept");
                break;
        }
    }

    private sealed record Outline(string Title, int TitleLine, int ContentsLine, int ContentsLastLine, IReadOnlyList<ContentsMatch> Contents);
}
