using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Collects the records a parser produces, creates its sections and paragraphs (ids, ordinals, section
/// paths, the ledger entries of heading lines), and checks the invariants every layout shares when it is built:
/// unique ids, every line accounted for, links pointing at records that exist. A layout decides what each line is;
/// the bookkeeping that every layout shares lives here.</summary>
public sealed class DocumentBuilder(SourceDocument source)
{
    private readonly List<Section> _sections = [];
    private readonly Dictionary<string, Section> _sectionsById = new(StringComparer.Ordinal);
    private readonly List<Paragraph> _paragraphs = [];
    private readonly Dictionary<string, int> _unnumberedBySection = new(StringComparer.Ordinal);

    public SourceDocument Source { get; } = source;

    public LineLedger Ledger { get; } = new(source);

    public string Slug => Source.Metadata.Slug;

    /// <summary>The sections added so far, in the order they were added.</summary>
    public IReadOnlyList<Section> Sections => _sections;

    /// <summary>The paragraphs added so far, in reading order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;

    public List<SourceReference> References { get; } = [];

    public List<Recommendation> Recommendations { get; } = [];

    public List<ResponseLink> ResponseLinks { get; } = [];

    public List<TranslationLink> Translations { get; } = [];

    public List<ParseDiagnostic> Diagnostics { get; } = [];

    public void Info(int line, string message) => Diagnostics.Add(new ParseDiagnostic(Source.FileName, line, "info", message));

    public void Warning(int line, string message) => Diagnostics.Add(new ParseDiagnostic(Source.FileName, line, "warning", message));

    /// <summary>Adds a section whose heading stands on <paramref name="line"/>. Its id is its parent's id (or the
    /// document slug) plus the printed number, else a slug of the title; its level is one below the parent's unless
    /// the layout prints a deeper one. The heading line is kept for it in the ledger unless
    /// <paramref name="keepHeadingLine"/> is false (a part that has no heading line of its own, whose first line
    /// belongs to a paragraph). Ordinals follow the lines, so sections may be added in any order.</summary>
    public Section AddSection(
        int line, Section? parent, string kind, string? number, string title, string language, int? level = null, bool keepHeadingLine = true)
    {
        var section = new Section(
            StableId.Section(parent?.Id ?? Slug, number, title),
            Slug,
            parent?.Id,
            level ?? (parent?.Level ?? 0) + 1,
            kind,
            number,
            title,
            language,
            _sections.Count + 1,
            line);
        if (!_sectionsById.TryAdd(section.Id, section))
        {
            throw Source.Error(line, $"duplicate id '{section.Id}'");
        }

        _sections.Add(section);
        if (keepHeadingLine)
        {
            Ledger.Keep(line, section.Id);
        }

        return section;
    }

    /// <summary>The titles from the outermost section down to <paramref name="section"/>.</summary>
    public IReadOnlyList<string> SectionPath(Section? section)
    {
        var path = new List<string>();
        for (var s = section; s is not null; s = s.ParentId is { } parentId ? _sectionsById[parentId] : null)
        {
            path.Add(s.Title);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The id of a paragraph with a printed number or key: <c>ccpr-c-kaz-co-3/20</c>.</summary>
    public string NumberedParagraphId(string printedKey) => StableId.Paragraph(Slug, printedKey);

    /// <summary>The id of the next paragraph without a printed number in <paramref name="section"/>: the section's
    /// id and the paragraph's position in it, counted 1, 2, 3….</summary>
    public string NextUnnumberedParagraphId(Section section)
    {
        var ordinal = _unnumberedBySection.GetValueOrDefault(section.Id) + 1;
        _unnumberedBySection[section.Id] = ordinal;
        return StableId.UnnumberedParagraph(section.Id, ordinal);
    }

    /// <summary>Adds the next paragraph in reading order: its ordinal, its section path, and its sub-items (ids
    /// from the paragraph's id and their labels, ordinals in the order given). The parser has already accounted for
    /// its lines in the ledger while reading them.</summary>
    public Paragraph AddParagraph(
        string id,
        Section? section,
        string? number,
        string? rawNumber,
        string text,
        string language,
        int startLine,
        int endLine,
        IReadOnlyList<SubItemText>? subItems = null,
        IReadOnlyList<Footnote>? footnotes = null)
    {
        var items = (subItems ?? []).Select((s, i) => new SubItem(StableId.SubItem(id, s.Label), id, s.Label, s.Text, i + 1, s.Line)).ToArray();
        var paragraph = new Paragraph(
            id, Slug, section?.Id, SectionPath(section), number, rawNumber, _paragraphs.Count + 1, text, language, items, footnotes ?? [], startLine, endLine);
        _paragraphs.Add(paragraph);
        return paragraph;
    }

    public ParsedDocument Build()
    {
        var lines = Ledger.Complete();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Unique(string id, int line)
        {
            if (!ids.Add(id))
            {
                throw Source.Error(line, $"duplicate id '{id}'");
            }
        }

        // Sections may be found out of reading order (a layout that reads its table of contents first): ordinals follow the lines.
        var sections = _sections.OrderBy(s => s.Line).Select((s, i) => s.Ordinal == i + 1 ? s : s with { Ordinal = i + 1 }).ToArray();
        foreach (var s in sections)
        {
            Unique(s.Id, s.Line);
        }

        foreach (var p in _paragraphs)
        {
            Unique(p.Id, p.StartLine);
            foreach (var item in p.SubItems)
            {
                Unique(item.Id, item.Line);
            }

            foreach (var note in p.Footnotes)
            {
                Unique(note.Id, note.Line);
            }
        }

        foreach (var r in References)
        {
            Unique(r.Id, r.Line);
        }

        var paragraphIds = _paragraphs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var link in ResponseLinks.Where(l => !paragraphIds.Contains(l.ParagraphId)))
        {
            throw Source.Error(0, $"response link of {link.RecommendationId} names unknown paragraph '{link.ParagraphId}'");
        }

        bool Known(string id) => paragraphIds.Contains(id) || _sectionsById.ContainsKey(id);
        foreach (var t in Translations.Where(t => !Known(t.SourceId) || !Known(t.TargetId)))
        {
            throw Source.Error(0, $"translation link {t.SourceId} → {t.TargetId} names an unknown record");
        }

        return new ParsedDocument(
            Source.Metadata,
            sections,
            _paragraphs.ToArray(),
            References.ToArray(),
            Recommendations.ToArray(),
            ResponseLinks.ToArray(),
            Translations.ToArray(),
            lines,
            Diagnostics.ToArray());
    }
}

/// <summary>A lettered or numbered item of a paragraph as read: its printed label, its text and its first line.</summary>
public sealed record SubItemText(string Label, string Text, int Line);
