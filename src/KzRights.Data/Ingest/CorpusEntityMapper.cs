using System.Text.Json;
using KzRights.Data.Entities;
using KzRights.Parsing.Analysis;
using KzRights.Parsing.Model;
using KzRights.Parsing.Themes;

namespace KzRights.Data.Ingest;

/// <summary>Maps the parser's records to storage rows. Pure: the same corpus always gives the same rows.</summary>
public static class CorpusEntityMapper
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record Rows(
        List<DocumentEntity> Documents,
        List<RecommendationEntity> Recommendations,
        List<ResponseLinkEntity> ResponseLinks,
        List<TranslationLinkEntity> Translations,
        List<ThemeEntity> Themes,
        List<ThemeTagEntity> ThemeTags);

    public static Rows Map(ParsedCorpus corpus, CorpusAnalysis analysis)
    {
        var documents = new List<DocumentEntity>();
        var paragraphDocument = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < corpus.Documents.Count; i++)
        {
            var doc = corpus.Documents[i];
            documents.Add(MapDocument(doc, i + 1));
            foreach (var p in doc.Paragraphs)
            {
                paragraphDocument[p.Id] = doc.Id;
            }
        }

        var recommendations = corpus.Recommendations.Select(r => new RecommendationEntity
        {
            Id = r.Id,
            SortKey = NaturalSortKey.For(r.Id),
            Mechanism = r.Mechanism,
            Locator = r.Locator,
            Text = r.Text,
            SourceDocumentId = r.SourceDocumentId,
            ParagraphId = r.ParagraphId,
            Theme = r.Theme,
            PriorRecommendationsJson = JsonSerializer.Serialize(r.PriorRecommendations, JsonOptions),
            FollowUp = r.FollowUp,
            FollowUpDeadline = r.FollowUpDeadline,
            SearchText = string.Join(' ', new[] { r.Locator, r.Theme, r.Text }.Where(s => !string.IsNullOrEmpty(s))),
        }).ToList();

        var links = corpus.ResponseLinks.Select(l => new ResponseLinkEntity
        {
            RecommendationId = l.RecommendationId,
            ParagraphId = l.ParagraphId,
            Relation = l.Relation,
            Evidence = l.Evidence,
            DocumentId = paragraphDocument[l.ParagraphId],
        }).ToList();

        var translations = corpus.Documents.SelectMany(d => d.Translations).Select(t => new TranslationLinkEntity
        {
            SourceId = t.SourceId,
            TargetId = t.TargetId,
            Kind = t.Kind,
            SourceLanguage = t.SourceLanguage,
            TargetLanguage = t.TargetLanguage,
        }).ToList();

        var themes = ThemeVocabulary.Default.Themes.Select((t, i) => new ThemeEntity
        {
            Id = t.Id,
            Ordinal = i + 1,
            Name = t.Name,
            Kind = t.Kind == ThemeKind.SustainableDevelopmentGoal ? "sdg" : "theme",
            GoalNumber = t.GoalNumber,
        }).ToList();

        var themeTags = analysis.Themes.Select(t => new ThemeTagEntity
        {
            TargetType = t.TargetType,
            TargetId = t.TargetId,
            ThemeId = t.ThemeId,
            Confidence = t.Confidence,
            Reason = t.Reason,
        }).ToList();

        return new Rows(documents, recommendations, links, translations, themes, themeTags);
    }

    private static DocumentEntity MapDocument(ParsedDocument doc, int ordinal)
    {
        var m = doc.Metadata;
        return new DocumentEntity
        {
            Id = doc.Id,
            Ordinal = ordinal,
            Symbol = m.Symbol,
            SymbolPrinted = m.SymbolPrinted,
            Title = m.Title,
            DocumentType = m.DocumentType,
            Body = m.Body,
            Mechanism = m.Mechanism,
            Layout = JsonNamingPolicy.KebabCaseLower.ConvertName(m.Layout.ToString()),
            Session = m.Session,
            Languages = string.Join(',', m.Languages),
            OriginalLanguage = m.OriginalLanguage,
            SourceFile = m.SourceFile,
            Sha256 = m.Sha256,
            Dates = m.Dates.Select(d => new DocumentDateEntity { DocumentId = doc.Id, Role = d.Role, Date = d.Date, Note = d.Note }).ToList(),
            Sections = doc.Sections.Select(s => new SectionEntity
            {
                Id = s.Id,
                DocumentId = doc.Id,
                ParentId = s.ParentId,
                Level = s.Level,
                Kind = s.Kind,
                Number = s.Number,
                Title = s.Title,
                Language = s.Language,
                Ordinal = s.Ordinal,
                Line = s.Line,
            }).ToList(),
            Paragraphs = doc.Paragraphs.Select((p, index) => new ParagraphEntity
            {
                Id = p.Id,
                DocumentId = doc.Id,
                // The list is in reading order; its position, not a parser's per-section ordinal, orders the document.
                SortKey = NaturalSortKey.ForParagraph(ordinal, index + 1),
                SectionId = p.SectionId,
                SectionPath = JsonSerializer.Serialize(p.SectionPath, JsonOptions),
                Number = p.Number,
                RawNumber = p.RawNumber,
                Ordinal = p.Ordinal,
                Text = p.Text,
                SearchText = string.Join(' ', p.SubItems.Select(s => s.Text).Prepend(p.Text)),
                Language = p.Language,
                StartLine = p.StartLine,
                EndLine = p.EndLine,
                SubItems = p.SubItems.Select(s => new SubItemEntity
                {
                    Id = s.Id, ParagraphId = p.Id, Label = s.Label, Text = s.Text, Ordinal = s.Ordinal, Line = s.Line,
                }).ToList(),
                Footnotes = p.Footnotes.Select(f => new FootnoteEntity
                {
                    Id = f.Id,
                    DocumentId = doc.Id,
                    ParagraphId = p.Id,
                    Marker = f.Marker,
                    MarkerOffset = f.MarkerOffset,
                    Text = f.Text,
                    CitationsJson = JsonSerializer.Serialize(f.Citations, JsonOptions),
                    Line = f.Line,
                }).ToList(),
            }).ToList(),
            References = doc.References.Select(r => new SourceReferenceEntity
            {
                Id = r.Id, DocumentId = doc.Id, Marker = r.Marker, Text = r.Text, Url = r.Url, Line = r.Line,
            }).ToList(),
        };
    }
}
