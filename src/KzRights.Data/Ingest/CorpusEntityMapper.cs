using KzRights.Data.Entities;
using KzRights.Parsing.Analysis;
using KzRights.Parsing.Entities;
using KzRights.Parsing.Indicators;
using KzRights.Parsing.Model;
using KzRights.Parsing.Themes;

namespace KzRights.Data.Ingest;

/// <summary>Maps the parser's records to storage rows, a document at a time. Pure: the same corpus always gives the same
/// rows. What links documents is mapped on its own once every document was read: recommendations (merged across
/// documents), facts and entities; an indicator's <see cref="IndicatorEntity.FactId"/> is set when its facts are known.</summary>
public static class CorpusEntityMapper
{
    /// <summary>The rows of one document: the document with its sections, paragraphs, sub-items, footnotes, references and
    /// dates, then what the document alone gives. <see cref="Indicators"/> have no fact yet.</summary>
    public sealed record DocumentRows(
        DocumentEntity Document,
        List<ResponseLinkEntity> ResponseLinks,
        List<TranslationLinkEntity> Translations,
        List<ThemeTagEntity> ThemeTags,
        List<IndicatorEntity> Indicators,
        List<QuotaEntity> Quotas,
        List<SeriesEntity> Series,
        List<EntityMentionEntity> Mentions);

    public static List<ThemeEntity> Themes() => ThemeVocabulary.Default.Themes.Select((t, i) => new ThemeEntity
    {
        Id = t.Id,
        Ordinal = i + 1,
        Name = t.Name,
        Kind = t.Kind == ThemeKind.SustainableDevelopmentGoal ? "sdg" : "theme",
        GoalNumber = t.GoalNumber,
    }).ToList();

    /// <param name="doc">The parsed document.</param>
    /// <param name="ordinal">Its position in the manifest, from 1.</param>
    /// <param name="analysis">What <see cref="CorpusAnalyzer.AnalyzeDocument"/> derived from it.</param>
    public static DocumentRows MapDocument(ParsedDocument doc, int ordinal, DocumentAnalysis analysis)
    {
        var document = MapDocument(doc, ordinal);
        var paragraphIds = doc.Paragraphs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var links = doc.ResponseLinks.Distinct().Select(l => new ResponseLinkEntity
        {
            RecommendationId = l.RecommendationId,
            ParagraphId = l.ParagraphId,
            Relation = l.Relation,
            Evidence = l.Evidence,
            // A parser links the paragraphs of the document it parses.
            DocumentId = paragraphIds.Contains(l.ParagraphId)
                ? doc.Id
                : throw new InvalidOperationException($"{doc.Id} links {l.RecommendationId} to {l.ParagraphId}, a paragraph of another document"),
        }).ToList();

        var translations = doc.Translations.Select(t => new TranslationLinkEntity
        {
            SourceId = t.SourceId,
            TargetId = t.TargetId,
            Kind = t.Kind,
            SourceLanguage = t.SourceLanguage,
            TargetLanguage = t.TargetLanguage,
        }).ToList();

        // Indicators, quotas and series of a lettered sub-item name the sub-item; they belong to its paragraph.
        var owners = doc.Paragraphs
            .SelectMany(p => p.SubItems.Select(s => (Id: s.Id, Owner: p.Id)).Prepend((Id: p.Id, Owner: p.Id)))
            .ToDictionary(x => x.Id, x => x.Owner, StringComparer.Ordinal);
        var paragraphSortKeys = document.Paragraphs.ToDictionary(p => p.Id, p => p.SortKey, StringComparer.Ordinal);
        string ChildSortKey(string paragraphOrSubItemId, string id) => paragraphSortKeys[owners[paragraphOrSubItemId]] + "|" + NaturalSortKey.For(id);
        var quotas = analysis.Quotas.Select(q => new QuotaEntity
        {
            Id = q.Id,
            SortKey = ChildSortKey(q.ParagraphId, q.Id),
            DocumentId = q.DocumentId,
            ParagraphId = owners[q.ParagraphId],
            Percent = q.Percent,
            PercentUpper = q.PercentUpper,
            AppliesToJson = StoredJson.Write(q.AppliesTo),
            WhereJson = StoredJson.Write(q.Where),
            SinceYear = q.SinceYear,
            IndicatorId = q.IndicatorId,
            Quote = q.Quote,
            Start = q.Start,
            Length = q.Length,
            Rule = q.Rule,
        }).ToList();
        var series = analysis.Series.Select(s => new SeriesEntity
        {
            Key = s.Key,
            SortKey = ChildSortKey(s.ParagraphId, s.Key),
            DocumentId = s.DocumentId,
            ParagraphId = owners[s.ParagraphId],
            Subject = s.Subject,
            Unit = s.Unit,
            Kind = s.Kind,
            Points = s.Points.Select((p, i) => new SeriesPointEntity
            {
                SeriesKey = s.Key,
                Ordinal = i + 1,
                PeriodLabel = p.Period.Label,
                PeriodStart = p.Period.Start,
                PeriodEnd = p.Period.End,
                Value = p.Value,
                Scale = p.Scale,
                IndicatorId = p.IndicatorId,
            }).ToList(),
        }).ToList();
        var mentions = analysis.EntityMentions.Select(at => new EntityMentionEntity
        {
            Id = at.Mention.Id,
            SortKey = ChildSortKey(at.OwnerParagraphId, at.Mention.Id),
            EntityId = at.Mention.EntityId,
            Kind = at.Mention.Kind,
            DocumentId = at.Mention.DocumentId,
            ParagraphId = at.OwnerParagraphId,
            SubItemId = at.SubItemId,
            Language = at.Mention.Language,
            Quote = at.Mention.Quote,
            Start = at.Mention.Start,
            Length = at.Mention.Length,
            AttributesJson = StoredJson.Write(at.Mention.Attributes),
            Rule = at.Mention.Rule,
        }).ToList();
        return new DocumentRows(
            document,
            links,
            translations,
            analysis.Themes.Select(MapThemeTag).ToList(),
            MapIndicators(analysis, ChildSortKey),
            quotas,
            series,
            mentions);
    }

    public static RecommendationEntity MapRecommendation(Recommendation r) => new()
    {
        Id = r.Id,
        SortKey = NaturalSortKey.For(r.Id),
        Mechanism = r.Mechanism,
        Locator = r.Locator,
        Text = r.Text,
        SourceDocumentId = r.SourceDocumentId,
        ParagraphId = r.ParagraphId,
        Theme = r.Theme,
        PriorRecommendationsJson = StoredJson.Write(r.PriorRecommendations),
        FollowUp = r.FollowUp,
        FollowUpDeadline = r.FollowUpDeadline,
        SearchText = string.Join(' ', new[] { r.Locator, r.Theme, r.Text }.Where(s => !string.IsNullOrEmpty(s))),
    };

    public static ThemeTagEntity MapThemeTag(ThemeAssignment t) => new()
    {
        TargetType = t.TargetType,
        TargetId = t.TargetId,
        ThemeId = t.ThemeId,
        Confidence = t.Confidence,
        Reason = t.Reason,
    };

    public static FactEntity MapFact(Fact f) => new()
    {
        Id = f.Id,
        SortKey = NaturalSortKey.For(f.Id),
        Measure = f.Measure,
        Subject = f.Subject,
        Kind = f.Kind,
        Unit = f.Unit,
        PeriodLabel = f.Period?.Label,
        PeriodStart = f.Period?.Start,
        PeriodEnd = f.Period?.End,
        PopulationJson = StoredJson.Write(f.Population),
        Conflict = f.Conflict,
        ConflictScope = f.ConflictScope,
        ConflictReason = f.ConflictReason,
        AttestationCount = f.Attestations.Count,
        DocumentCount = f.Attestations.Select(a => a.DocumentId).Distinct(StringComparer.Ordinal).Count(),
    };

    /// <summary>An entity's row without its mentions (they are rows of their own, written with their documents).</summary>
    public static NamedEntity MapEntity(EntitySummary e) => new()
    {
        Id = e.Id,
        SortKey = e.Kind + "|" + NaturalSortKey.For(e.Id),
        Kind = e.Kind,
        Name = e.Name,
        AttributesJson = StoredJson.Write(e.Attributes),
        DisagreementsJson = StoredJson.Write(e.Disagreements),
        MentionCount = e.MentionCount,
        DocumentCount = e.DocumentCount,
        SearchText = string.Join(' ', e.Quotes.Prepend(e.Name).Distinct(StringComparer.Ordinal)).ToLowerInvariant(),
    };

    private static List<IndicatorEntity> MapIndicators(DocumentAnalysis analysis, Func<string, string, string> childSortKey)
    {
        var seriesOf = analysis.Series.SelectMany(s => s.Points.Select(p => (p.IndicatorId, s.Key)))
            .GroupBy(x => x.IndicatorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var translationOf = analysis.IndicatorTranslations
            .SelectMany(t => new[] { (From: t.RussianId, To: t.EnglishId), (From: t.EnglishId, To: t.RussianId) })
            .GroupBy(x => x.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().To, StringComparer.Ordinal);

        return analysis.Indicators.Select(located =>
        {
            var i = located.Indicator;
            return new IndicatorEntity
            {
                Id = i.Id,
                SortKey = childSortKey(located.OwnerParagraphId, i.Id),
                DocumentId = i.DocumentId,
                ParagraphId = located.OwnerParagraphId,
                SubItemId = located.SubItemId,
                Language = i.Language,
                Value = i.Value,
                ValueUpper = i.ValueUpper,
                Unit = i.Unit,
                Scale = i.Scale,
                Qualifier = i.Qualifier,
                PeriodLabel = i.Period?.Label,
                PeriodStart = i.Period?.Start,
                PeriodEnd = i.Period?.End,
                Subject = i.Subject,
                Kind = i.Kind,
                Measure = i.Measure,
                PopulationJson = StoredJson.Write(i.Population),
                PopulationKey = "|" + string.Join('|', i.Population) + "|",
                Role = i.Role,
                TargetYear = i.TargetYear,
                Quote = i.Quote,
                Start = i.Start,
                Length = i.Length,
                Rule = i.Rule,
                FactId = null,
                SeriesKey = seriesOf.GetValueOrDefault(i.Id),
                TranslationId = translationOf.GetValueOrDefault(i.Id),
                SearchText = (i.Subject + " " + i.Quote).ToLowerInvariant(),
            };
        }).ToList();
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
            Layout = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(m.Layout.ToString()),
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
                SectionPath = StoredJson.Write(p.SectionPath),
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
                    CitationsJson = StoredJson.Write(f.Citations),
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
