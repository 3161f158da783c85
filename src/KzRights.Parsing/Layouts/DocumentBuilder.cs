using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Collects the records a parser produces and checks the invariants every layout shares when it is built:
/// unique ids, every line accounted for, links pointing at records that exist.</summary>
public sealed class DocumentBuilder(SourceDocument source)
{
    public SourceDocument Source { get; } = source;

    public LineLedger Ledger { get; } = new(source);

    public string Slug => Source.Metadata.Slug;

    public List<Section> Sections { get; } = [];

    public List<Paragraph> Paragraphs { get; } = [];

    public List<SourceReference> References { get; } = [];

    public List<Recommendation> Recommendations { get; } = [];

    public List<ResponseLink> ResponseLinks { get; } = [];

    public List<TranslationLink> Translations { get; } = [];

    public List<ParseDiagnostic> Diagnostics { get; } = [];

    public void Info(int line, string message) => Diagnostics.Add(new ParseDiagnostic(Source.FileName, line, "info", message));

    public void Warning(int line, string message) => Diagnostics.Add(new ParseDiagnostic(Source.FileName, line, "warning", message));

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

        foreach (var s in Sections)
        {
            Unique(s.Id, s.Line);
        }

        foreach (var p in Paragraphs)
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

        var paragraphIds = Paragraphs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var sectionIds = Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var link in ResponseLinks.Where(l => !paragraphIds.Contains(l.ParagraphId)))
        {
            throw Source.Error(0, $"response link of {link.RecommendationId} names unknown paragraph '{link.ParagraphId}'");
        }

        foreach (var t in Translations.Where(t => !(paragraphIds.Contains(t.SourceId) || sectionIds.Contains(t.SourceId)) || !(paragraphIds.Contains(t.TargetId) || sectionIds.Contains(t.TargetId))))
        {
            throw Source.Error(0, $"translation link {t.SourceId} → {t.TargetId} names an unknown record");
        }

        return new ParsedDocument(
            Source.Metadata,
            Sections.ToArray(),
            Paragraphs.ToArray(),
            References.ToArray(),
            Recommendations.ToArray(),
            ResponseLinks.ToArray(),
            Translations.ToArray(),
            lines,
            Diagnostics.ToArray());
    }
}
