using KzRights.Data.Entities;
using KzRights.Data.Queries;
using KzRights.Data.Releases;
using KzRights.Parsing.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Tables;

/// <summary>A point of a series with its series: the long format a plot wants, one row per point.</summary>
public sealed record SeriesPointRow(SeriesEntity Series, SeriesPointEntity Point);

/// <summary>The tidy tables: the one place that names each table, its columns (snake_case, typed, described, primary
/// key first) and its foreign keys. List routes answer CSV/NDJSON with these columns and a release's dataset writes
/// every table listed in <see cref="Dataset"/>. One-to-one values are flattened (period → period_label,
/// period_start, period_end; lists such as population → one <c>;</c>-joined cell); one-to-many values are tables of
/// their own holding the parent's id.</summary>
public static class Tables
{
    private const string DocumentIdText = "Document id (slug), e.g. ccpr-c-kaz-co-3.";
    private const string ParagraphIdText = "Paragraph id: document slug and printed locator, e.g. ccpr-c-kaz-co-3/20.";

    public static readonly TableDefinition<DocumentEntity> Documents =
        new TableDefinition<DocumentEntity>("documents", "The source documents of the corpus, in corpus order.", db => db.Documents.OrderBy(d => d.Ordinal))
            .Key("document_id", d => d.Id, DocumentIdText)
            .Column("symbol", d => d.Symbol, "UN document symbol, e.g. CCPR/C/KAZ/CO/3 (empty for documents without one).")
            .Column("symbol_printed", d => d.SymbolPrinted, "Whether the symbol is printed in the document (false: assigned by the corpus).")
            .Column("title", d => d.Title, "Title as printed.")
            .Column("document_type", d => d.DocumentType, "Kind of document, e.g. concluding-observations.")
            .Column("body", d => d.Body, "Body that issued the document.")
            .Column("mechanism", d => d.Mechanism, "Human-rights mechanism: upr, ccpr, cedaw, special-procedures or government.")
            .Column("layout", d => d.Layout, "Parser layout the document was read with.")
            .Column("session", d => d.Session, "Session of the body, when the document names one.")
            .Column("languages", d => d.Languages.Replace(',', ';'), "Languages of the text (ISO 639-1), ';'-joined.")
            .Column("original_language", d => d.OriginalLanguage, "Language the document was written in (ISO 639-1).")
            .Column("source_file", d => d.SourceFile, "File of the corpus the records were read from.")
            .Column("sha256", d => d.Sha256, "SHA-256 of the source file (hex).");

    public static readonly TableDefinition<DocumentDateEntity> DocumentDates =
        new TableDefinition<DocumentDateEntity>("document_dates", "Dates a document states (adoption, submission, …).",
                db => db.DocumentDates.OrderBy(d => d.DocumentId).ThenBy(d => d.Date).ThenBy(d => d.Role))
            .Key("document_id", d => d.DocumentId, DocumentIdText, references: "documents")
            .Key("role", d => d.Role, "What the date is, e.g. adopted, published, received.")
            .Key("date", d => d.Date, "The date (ISO 8601).")
            .Column("note", d => d.Note, "The words the date was read from.");

    public static readonly TableDefinition<SourceReferenceEntity> DocumentReferences =
        new TableDefinition<SourceReferenceEntity>("document_references", "A document's own list of sources, in the order printed.",
                db => db.SourceReferences.OrderBy(r => r.DocumentId).ThenBy(r => r.Line))
            .Key("reference_id", r => r.Id, "Reference id: document slug and marker.")
            .Column("document_id", r => r.DocumentId, DocumentIdText, references: "documents")
            .Column("marker", r => r.Marker, "Marker as printed, e.g. 1 or [3].")
            .Column("text", r => r.Text, "Text of the reference.")
            .Column("url", r => r.Url, "Address the reference gives, if any.");

    public static readonly TableDefinition<SectionEntity> Sections =
        new TableDefinition<SectionEntity>("sections", "Headings of each document; parent_id nests them.",
                db => db.Sections.OrderBy(s => s.DocumentId).ThenBy(s => s.Ordinal))
            .Key("section_id", s => s.Id, "Section id: document slug and the heading's keys, e.g. ccpr-c-kaz-co-3/c.")
            .Column("document_id", s => s.DocumentId, DocumentIdText, references: "documents")
            .Column("parent_id", s => s.ParentId, "Enclosing section (empty at top level).", references: "sections")
            .Column("level", s => s.Level, "Depth, 1 at top level.")
            .Column("kind", s => s.Kind, "Kind of heading, e.g. chapter, part, subheading.")
            .Column("number", s => s.Number, "Number or letter as printed.")
            .Column("title", s => s.Title, "Heading text.")
            .Column("language", s => s.Language, "Language (ISO 639-1).")
            .Column("ordinal", s => s.Ordinal, "Position in the document.");

    public static readonly TableDefinition<ParagraphEntity> Paragraphs =
        new TableDefinition<ParagraphEntity>("paragraphs", "Numbered (and unnumbered) paragraphs in reading order.",
                db => db.Paragraphs.OrderBy(p => p.SortKey))
            .Key("paragraph_id", p => p.Id, ParagraphIdText)
            .Column("document_id", p => p.DocumentId, DocumentIdText, references: "documents")
            .Column("section_id", p => p.SectionId, "Innermost section holding the paragraph.", references: "sections")
            .Column("number", p => p.Number, "Printed number, normalised (e.g. 20, 12(a)).")
            .Column("raw_number", p => p.RawNumber, "Number exactly as printed.")
            .Column("text", p => p.Text, "Paragraph text; lettered sub-items are in paragraph_sub_items.")
            .Column("language", p => p.Language, "Language (ISO 639-1).")
            .Column("start_line", p => p.StartLine, "First line in the source file.")
            .Column("end_line", p => p.EndLine, "Last line in the source file.");

    public static readonly TableDefinition<SubItemEntity> ParagraphSubItems =
        new TableDefinition<SubItemEntity>("paragraph_sub_items", "Lettered sub-items (a), (b)… of paragraphs.",
                db => db.SubItems.OrderBy(s => s.ParagraphId).ThenBy(s => s.Ordinal))
            .Key("sub_item_id", s => s.Id, "Sub-item id: paragraph id and label, e.g. ccpr-c-kaz-co-3/20(a).")
            .Column("paragraph_id", s => s.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("label", s => s.Label, "Label as printed, e.g. (a).")
            .Column("text", s => s.Text, "Sub-item text.")
            .Column("ordinal", s => s.Ordinal, "Position within the paragraph.");

    public static readonly TableDefinition<FootnoteEntity> ParagraphFootnotes =
        new TableDefinition<FootnoteEntity>("paragraph_footnotes", "Footnotes, attached to the paragraph whose text carries the marker.",
                db => db.Footnotes.OrderBy(f => f.ParagraphId).ThenBy(f => f.MarkerOffset).ThenBy(f => f.Id))
            .Key("footnote_id", f => f.Id, "Footnote id: document slug and marker.")
            .Column("paragraph_id", f => f.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("document_id", f => f.DocumentId, DocumentIdText, references: "documents")
            .Column("marker", f => f.Marker, "Marker as printed.")
            .Column("marker_offset", f => f.MarkerOffset, "Offset of the marker in the paragraph text.")
            .Column("text", f => f.Text, "Footnote text.")
            .Column("citations", f => Citations(StoredJson.ReadCitations(f.CitationsJson)),
                "UN symbols cited, ';'-joined, each with its paragraphs after a space.");

    public static readonly TableDefinition<ThemeEntity> Themes =
        new TableDefinition<ThemeEntity>("themes", "The theme vocabulary: human-rights themes (OHCHR Universal Human Rights Index) and the 17 SDGs.",
                db => db.Themes.OrderBy(t => t.Ordinal))
            .Key("theme_id", t => t.Id, "Theme id, e.g. theme/womens-rights or sdg/5.")
            .Column("name", t => t.Name, "Name of the theme.")
            .Column("kind", t => t.Kind, "theme or sdg.")
            .Column("goal_number", t => t.GoalNumber, "SDG number (sdg themes only).");

    public static readonly TableDefinition<ThemeTagEntity> ParagraphThemes =
        ThemeTags("paragraph_themes", ThemeTargets.Paragraph, "paragraph_id", "paragraphs");

    public static readonly TableDefinition<RecommendationEntity> Recommendations =
        new TableDefinition<RecommendationEntity>("recommendations", "Recommendations of UN mechanisms to Kazakhstan.",
                db => db.Recommendations.OrderBy(r => r.SortKey))
            .Key("recommendation_id", r => r.Id, "Recommendation id, e.g. upr-3/139.30, ccpr-3/20, cedaw-loi-6/12(a).")
            .Column("mechanism", r => r.Mechanism, "upr, ccpr, cedaw or special-procedures.")
            .Column("locator", r => r.Locator, "Locator as printed, e.g. 139.30.")
            .Column("text", r => r.Text, "Text of the recommendation, when the corpus holds it.")
            .Column("source_document_id", r => r.SourceDocumentId, "Document the recommendation is stated in.", references: "documents")
            .Column("paragraph_id", r => r.ParagraphId, "Paragraph that states it.", references: "paragraphs")
            .Column("theme", r => r.Theme, "Theme heading the mechanism gave it.")
            .Column("prior_recommendations", r => Citations(StoredJson.ReadCitations(r.PriorRecommendationsJson)),
                "Earlier recommendations it repeats, ';'-joined symbol and paragraphs.")
            .Column("follow_up", r => r.FollowUp, "Singled out for follow-up.")
            .Column("follow_up_deadline", r => r.FollowUpDeadline, "Deadline of the follow-up (ISO 8601).");

    public static readonly TableDefinition<ResponseLinkEntity> RecommendationResponses =
        new TableDefinition<ResponseLinkEntity>("recommendation_responses",
                "Paragraphs that respond to a recommendation, with the kind of link and its evidence.",
                db => db.ResponseLinks.OrderBy(l => l.RecommendationId).ThenBy(l => l.ParagraphId).ThenBy(l => l.Relation))
            .Key("recommendation_id", l => l.RecommendationId, "Recommendation id.", references: "recommendations")
            .Key("paragraph_id", l => l.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Key("relation", l => l.Relation, "How the paragraph relates: states, responds, follows-up, ….")
            .Column("document_id", l => l.DocumentId, "Document of the paragraph.", references: "documents")
            .Column("evidence", l => l.Evidence, "Why the link was made (the citation or heading it was read from).");

    public static readonly TableDefinition<ThemeTagEntity> RecommendationThemes =
        ThemeTags("recommendation_themes", ThemeTargets.Recommendation, "recommendation_id", "recommendations");

    public static readonly TableDefinition<IndicatorEntity> Indicators =
        new TableDefinition<IndicatorEntity>("indicators", "Every number that measures something, typed, with the exact quote it was read from.",
                db => db.Indicators.OrderBy(i => i.SortKey))
            .Key("indicator_id", i => i.Id, "Indicator id: paragraph (or sub-item) id, '/i' and its order, e.g. ccpr-c-kaz-co-3/31/i1.")
            .Column("document_id", i => i.DocumentId, DocumentIdText, references: "documents")
            .Column("paragraph_id", i => i.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("sub_item_id", i => i.SubItemId, "Sub-item the number is in, if any.", references: "paragraph_sub_items")
            .Column("language", i => i.Language, "Language of the quote (ISO 639-1).")
            .Column("value", i => i.Value, "The number as printed (23,000 → 23000; 16,6 → 16.6), before scale.")
            .Column("value_upper", i => i.ValueUpper, "Upper bound of a range.")
            .Column("unit", i => i.Unit, "Unit from the controlled vocabulary.")
            .Column("scale", i => i.Scale, "thousand, million or billion; empty when none.")
            .Column("qualifier", i => i.Qualifier, "exact, about, over, under, ….")
            .Column("period_label", i => i.PeriodLabel, "Period as printed.")
            .Column("period_start", i => i.PeriodStart, "First day of the period (ISO 8601).")
            .Column("period_end", i => i.PeriodEnd, "Last day of the period (ISO 8601).")
            .Column("subject", i => i.Subject, "What is measured.")
            .Column("measure", i => i.Measure, "Key of the controlled measure vocabulary, e.g. women-share/judges (empty when none fits).")
            .Column("kind", i => i.Kind, "statistic, count, quota, target, index or money.")
            .Column("population", i => TableCell.Join(StoredJson.ReadStrings(i.PopulationJson)), "Populations the number is about, ';'-joined.")
            .Column("role", i => i.Role, "Role in its sentence (e.g. baseline, target).")
            .Column("target_year", i => i.TargetYear, "Year a target is set for.")
            .Column("quote", i => i.Quote, "The exact text the number was read from.")
            .Column("start", i => i.Start, "Offset of the quote in the paragraph's (or sub-item's) text.")
            .Column("length", i => i.Length, "Length of the quote.")
            .Column("rule", i => i.Rule, "Extraction rule.")
            .Column("fact_id", i => i.FactId, "Fact the indicator attests, if any.", references: "facts")
            .Column("series_key", i => i.SeriesKey, "Series the indicator is a point of, if any.", references: "series")
            .Column("translation_id", i => i.TranslationId, "The same number in the other language's text.", references: "indicators");

    public static readonly TableDefinition<ThemeTagEntity> IndicatorThemes =
        ThemeTags("indicator_themes", ThemeTargets.Indicator, "indicator_id", "indicators");

    public static readonly TableDefinition<SeriesEntity> Series =
        new TableDefinition<SeriesEntity>("series", "One measure a paragraph gives for several periods.", db => db.Series.OrderBy(s => s.SortKey))
            .Key("series_key", s => s.Key, "Series key: paragraph id and a slug of the measure.")
            .Column("document_id", s => s.DocumentId, DocumentIdText, references: "documents")
            .Column("paragraph_id", s => s.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("subject", s => s.Subject, "What is measured.")
            .Column("unit", s => s.Unit, "Unit of every point.")
            .Column("kind", s => s.Kind, "Kind of indicator.");

    /// <summary>Points repeat their series' subject and unit so one file plots without a join.</summary>
    public static readonly TableDefinition<SeriesPointRow> SeriesPoints =
        new TableDefinition<SeriesPointRow>("series_points", "The points of each series, ordered by period (series columns repeated for plotting).",
                db => SeriesPointRows(db, db.Series))
            .Key("series_key", r => r.Series.Key, "Series key.", references: "series")
            .Key("ordinal", r => r.Point.Ordinal, "Position of the point, by period.")
            .Column("subject", r => r.Series.Subject, "What is measured (of the series).")
            .Column("unit", r => r.Series.Unit, "Unit (of the series).")
            .Column("period_label", r => r.Point.PeriodLabel, "Period as printed.")
            .Column("period_start", r => r.Point.PeriodStart, "First day of the period (ISO 8601).")
            .Column("period_end", r => r.Point.PeriodEnd, "Last day of the period (ISO 8601).")
            .Column("value", r => r.Point.Value, "Value as printed, before scale.")
            .Column("scale", r => r.Point.Scale, "thousand, million or billion; empty when none.")
            .Column("indicator_id", r => r.Point.IndicatorId, "Indicator the point comes from.", references: "indicators");

    public static readonly TableDefinition<FactEntity> Facts =
        new TableDefinition<FactEntity>("facts", "The same fact stated by indicators in several places.", db => db.Facts.OrderBy(f => f.SortKey))
            .Key("fact_id", f => f.Id, "Fact id, e.g. fact/<subject-slug>/<kind>.")
            .Column("measure", f => f.Measure, "Key of the controlled measure vocabulary the fact is about.")
            .Column("subject", f => f.Subject, "What is measured.")
            .Column("kind", f => f.Kind, "Kind of indicator.")
            .Column("unit", f => f.Unit, "Unit.")
            .Column("period_label", f => f.PeriodLabel, "Period as printed.")
            .Column("period_start", f => f.PeriodStart, "First day of the period (ISO 8601).")
            .Column("period_end", f => f.PeriodEnd, "Last day of the period (ISO 8601).")
            .Column("population", f => TableCell.Join(StoredJson.ReadStrings(f.PopulationJson)), "Populations, ';'-joined.")
            .Column("conflict", f => f.Conflict, "Whether the attestations disagree in value, year or unit.")
            .Column("conflict_scope", f => f.ConflictScope, "Where they disagree: across documents or within one.")
            .Column("conflict_reason", f => f.ConflictReason, "How they disagree.")
            .Column("attestation_count", f => f.AttestationCount, "Number of indicators stating the fact (rows in fact_attestations).")
            .Column("document_count", f => f.DocumentCount, "Number of documents stating it.");

    public static readonly TableDefinition<IndicatorEntity> FactAttestations =
        new TableDefinition<IndicatorEntity>("fact_attestations", "Each indicator that states a fact.",
                db => db.Indicators.Where(i => i.FactId != null).OrderBy(i => i.FactId).ThenBy(i => i.SortKey))
            .Key("fact_id", i => i.FactId, "Fact id.", references: "facts")
            .Key("indicator_id", i => i.Id, "Indicator that states it.", references: "indicators")
            .Column("document_id", i => i.DocumentId, DocumentIdText, references: "documents")
            .Column("paragraph_id", i => i.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("value", i => i.Value, "Value it states.")
            .Column("quote", i => i.Quote, "The exact text.");

    public static readonly TableDefinition<QuotaEntity> Quotas =
        new TableDefinition<QuotaEntity>("quotas", "Quota statements, with or without a number.", db => db.Quotas.OrderBy(q => q.SortKey))
            .Key("quota_id", q => q.Id, "Quota id: paragraph id, '/q' and its order.")
            .Column("document_id", q => q.DocumentId, DocumentIdText, references: "documents")
            .Column("paragraph_id", q => q.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("percent", q => q.Percent, "Share reserved, in per cent.")
            .Column("percent_upper", q => q.PercentUpper, "Upper bound of a range.")
            .Column("applies_to", q => TableCell.Join(StoredJson.ReadStrings(q.AppliesToJson)), "Who the quota is for, ';'-joined.")
            .Column("where", q => TableCell.Join(StoredJson.ReadStrings(q.WhereJson)), "Where it applies, ';'-joined.")
            .Column("since_year", q => q.SinceYear, "Year it applies from.")
            .Column("indicator_id", q => q.IndicatorId, "The indicator of its number, if any.", references: "indicators")
            .Column("quote", q => q.Quote, "The exact text.")
            .Column("start", q => q.Start, "Offset of the quote in the paragraph text.")
            .Column("length", q => q.Length, "Length of the quote.")
            .Column("rule", q => q.Rule, "Extraction rule.");

    public static readonly TableDefinition<TranslationLinkEntity> Translations =
        new TableDefinition<TranslationLinkEntity>("translations", "Sections and paragraphs that translate each other (stored once, read both ways).",
                db => db.TranslationLinks.OrderBy(t => t.SourceId).ThenBy(t => t.TargetId))
            .Key("source_id", t => t.SourceId, "Section or paragraph id in the original language.")
            .Key("target_id", t => t.TargetId, "Its translation's id.")
            .Column("kind", t => t.Kind, "section or paragraph.")
            .Column("source_language", t => t.SourceLanguage, "Language of the original (ISO 639-1).")
            .Column("target_language", t => t.TargetLanguage, "Language of the translation (ISO 639-1).");

    public static readonly TableDefinition<NamedEntity> Entities =
        new TableDefinition<NamedEntity>("entities", "Laws, treaties, plans, institutions and dated events, linked across documents and languages.",
                db => db.NamedEntities.OrderBy(e => e.SortKey))
            .Key("entity_id", e => e.Id, "Entity id: kind and a slug of the name, e.g. treaty/iccpr-op2 (laws with a known adoption date: law/<date>-<slug>).")
            .Column("kind", e => e.Kind, "law, treaty, plan, institution or event.")
            .Column("name", e => e.Name, "Normalized name.")
            .Column("attributes", e => Attributes(e.AttributesJson), "What its mentions state (adopted, signed, ratified, inForce, since, period, …), "
                + "key=value, ';'-joined.")
            .Column("mention_count", e => e.MentionCount, "Number of mentions (rows in entity_mentions).")
            .Column("document_count", e => e.DocumentCount, "Number of documents that mention it.")
            .Column("disagreement_count", e => StoredJson.ReadDisagreements(e.DisagreementsJson).Count,
                "Attributes its mentions state differently; /v1/entities/{id} gives both quotes of each.");

    public static readonly TableDefinition<EntityMentionEntity> EntityMentions =
        new TableDefinition<EntityMentionEntity>("entity_mentions", "Each mention of an entity, with the exact quote and the attributes its sentence states.",
                db => db.EntityMentions.OrderBy(m => m.SortKey))
            .Key("mention_id", m => m.Id, "Mention id: paragraph (or sub-item) id, '/e' and its order.")
            .Column("entity_id", m => m.EntityId, "Entity mentioned.", references: "entities")
            .Column("kind", m => m.Kind, "Kind of the entity.")
            .Column("document_id", m => m.DocumentId, DocumentIdText, references: "documents")
            .Column("paragraph_id", m => m.ParagraphId, ParagraphIdText, references: "paragraphs")
            .Column("sub_item_id", m => m.SubItemId, "Sub-item the mention is in, if any.", references: "paragraph_sub_items")
            .Column("language", m => m.Language, "Language of the quote (ISO 639-1).")
            .Column("quote", m => m.Quote, "The exact text of the mention.")
            .Column("start", m => m.Start, "Offset of the quote in the paragraph's (or sub-item's) text.")
            .Column("length", m => m.Length, "Length of the quote.")
            .Column("attributes", m => Attributes(m.AttributesJson), "What this sentence states about the entity, key=value, ';'-joined.")
            .Column("rule", m => m.Rule, "Extraction rule.");

    /// <summary>Ranked search hits; only a route's answer (a search is a question, not part of the dataset).</summary>
    public static readonly TableDefinition<SearchHitDto> SearchHits =
        new TableDefinition<SearchHitDto>("search_hits", "Ranked search hits.", _ => throw new InvalidOperationException("search hits are not stored"))
            .Key("type", h => h.Type, "paragraph or recommendation.")
            .Key("id", h => h.Id, "Paragraph or recommendation id.")
            .Column("document_id", h => h.DocumentId, DocumentIdText)
            .Column("number", h => h.Number, "Paragraph number or recommendation locator.")
            .Column("score", h => h.Score, "Relevance; higher first.")
            .Column("snippet", h => h.Snippet, "Text around the best match.")
            .Column("snippet_offset", h => h.SnippetOffset, "Offset of the snippet in the record's text.")
            .Column("highlights", h => TableCell.Join(h.Highlights.Select(x => $"{x.Start}+{x.Length}")),
                "Matched words in the snippet as start+length, ';'-joined.");

    /// <summary>What a release changed; only a route's answer (it compares two releases).</summary>
    public static readonly TableDefinition<RecordChangeDto> ReleaseChanges =
        new TableDefinition<RecordChangeDto>("release_changes", "Records added, changed or removed between two releases.",
                _ => throw new InvalidOperationException("changes are computed, not stored"))
            .Key("type", c => c.Type, "Record type: document, paragraph, recommendation, indicator, quota, series, fact, theme or entity.")
            .Key("id", c => c.Id, "Record id.")
            .Column("change", c => c.Change, "added, changed or removed.")
            .Column("document_id", c => c.DocumentId, "Document of the record (empty for facts, themes and entities).")
            .Column("old_sha256", c => c.OldSha256, "Hash of the record in the earlier release (empty when added).")
            .Column("new_sha256", c => c.NewSha256, "Hash of the record in the later release (empty when removed).")
            .Column("self", c => c.Self, "Where the record is served now (empty when removed).");

    /// <summary>The tables of a release's dataset, parents before children.</summary>
    public static readonly IReadOnlyList<TableDefinition> Dataset =
    [
        Documents, DocumentDates, DocumentReferences, Sections, Paragraphs, ParagraphSubItems, ParagraphFootnotes, Themes, ParagraphThemes,
        Recommendations, RecommendationResponses, RecommendationThemes, Facts, Series, Indicators, IndicatorThemes, SeriesPoints, FactAttestations,
        Quotas, Translations, Entities, EntityMentions,
    ];

    /// <summary>The points of some series, in series then period order.</summary>
    public static IQueryable<SeriesPointRow> SeriesPointRows(KzRightsDbContext db, IQueryable<SeriesEntity> series) =>
        series.Join(db.SeriesPoints, s => s.Key, p => p.SeriesKey, (s, p) => new { Series = s, Point = p })
            .OrderBy(r => r.Series.SortKey).ThenBy(r => r.Point.Ordinal)
            .Select(r => new SeriesPointRow(r.Series, r.Point));

    private static TableDefinition<ThemeTagEntity> ThemeTags(string name, string targetType, string idColumn, string table) =>
        new TableDefinition<ThemeTagEntity>(name, $"Themes assigned to {table}, with how sure and why.",
                db => db.ThemeTags.Where(t => t.TargetType == targetType).OrderBy(t => t.TargetId).ThenBy(t => t.ThemeId))
            .Key(idColumn, t => t.TargetId, $"Id in {table}.", references: table)
            .Key("theme_id", t => t.ThemeId, "Theme id.", references: "themes")
            .Column("confidence", t => t.Confidence, "0.5–1; headings and explicit SDG mentions score highest.")
            .Column("reason", t => t.Reason, "Rule and the terms or heading that matched.");

    private static string Attributes(string json) => TableCell.Join(StoredJson.ReadAttributes(json).Select(a => $"{a.Key}={a.Value}"));

    private static string Citations(IEnumerable<CitationDto> citations) =>
        TableCell.Join(citations.Select(c => c.Paragraphs.Count == 0 ? c.Symbol : $"{c.Symbol} {string.Join(',', c.Paragraphs)}"));
}
