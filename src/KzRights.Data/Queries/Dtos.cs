using KzRights.Data.Releases;

namespace KzRights.Data.Queries;

// The read model served by both REST and GraphQL. Query services project storage rows straight into these.

/// <summary>A page of a list: <see cref="NextCursor"/> is null on the last page; <see cref="Total"/> counts every
/// item matching the filters, not just this page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int Total) : IPage, IReleaseStamped
{
    /// <summary>Id of the release the page was read from; set by the API for every list it serves.</summary>
    public string? Release { get; set; }

    /// <summary>The same page with each item mapped.</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor, Total) { Release = Release };
}

/// <summary>What every page has whatever its items: lets the API add paging links to any list answer.</summary>
public interface IPage
{
    string? NextCursor { get; }
}

/// <summary>A list envelope that names the release it was read from.</summary>
public interface IReleaseStamped
{
    string? Release { get; set; }
}

/// <summary>Where a record is served: its canonical URL path, stable across releases.</summary>
public sealed record RecordLinksDto(string Self);

/// <summary>A record served at a URL of its own.</summary>
public interface ILinkedRecord
{
    RecordLinksDto Links { get; }
}

public sealed record DocumentDateDto(string Role, DateOnly Date, string Note);

public sealed record DocumentCountsDto(int Sections, int Paragraphs, int SubItems, int Footnotes, int References, int Recommendations);

public sealed record DocumentDto(
    string Id,
    string? Symbol,
    bool SymbolPrinted,
    string Title,
    string DocumentType,
    string Body,
    string Mechanism,
    string Layout,
    string? Session,
    IReadOnlyList<string> Languages,
    string OriginalLanguage,
    IReadOnlyList<DocumentDateDto> Dates,
    string SourceFile,
    string Sha256,
    DocumentCountsDto Counts) : ILinkedRecord
{
    /// <summary>The official text at the United Nations Official Document System, by symbol; null when the document
    /// has no UN document symbol (the ministry's review, a reply to a communication).</summary>
    public string? OfficialUrl => Citations.OfficialUrl(Symbol);

    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Document, Id));
}

public sealed record SectionDto(
    string Id,
    string DocumentId,
    string? ParentId,
    int Level,
    string Kind,
    string? Number,
    string Title,
    string Language,
    int ParagraphCount,
    IReadOnlyList<SectionDto> Children);

public sealed record SourceReferenceDto(string Id, string Marker, string Text, string? Url);

public sealed record DocumentDetailDto(DocumentDto Document, IReadOnlyList<SectionDto> Sections, IReadOnlyList<SourceReferenceDto> References);

public sealed record SubItemDto(string Id, string Label, string Text)
{
    /// <summary>Ready-to-paste citation: document, paragraph and label, and the release.</summary>
    public string Citation { get; init; } = string.Empty;
}

public sealed record CitationDto(string Symbol, IReadOnlyList<string> Paragraphs);

public sealed record FootnoteDto(string Id, string Marker, int MarkerOffset, string Text, IReadOnlyList<CitationDto> Citations);

/// <summary>A recommendation a paragraph is linked to, with the kind of link.</summary>
public sealed record ParagraphRecommendationDto(string RecommendationId, string Mechanism, string Locator, string Relation);

public sealed record TranslationDto(string ParagraphId, string Language);

public sealed record ParagraphDto(
    string Id,
    string DocumentId,
    string? SectionId,
    IReadOnlyList<string> SectionPath,
    string? Number,
    string? RawNumber,
    string Text,
    string Language,
    int StartLine,
    int EndLine,
    IReadOnlyList<SubItemDto> SubItems,
    IReadOnlyList<FootnoteDto> Footnotes,
    IReadOnlyList<ParagraphRecommendationDto> Recommendations,
    IReadOnlyList<TranslationDto> Translations,
    IReadOnlyList<IndicatorSummaryDto> Indicators,
    IReadOnlyList<EntityMentionDto> Entities,
    IReadOnlyList<ThemeTagDto> Themes) : ILinkedRecord
{
    /// <summary>Ready-to-paste citation, e.g. <c>CCPR/C/KAZ/CO/3, para. 20 — KzRights release 2026.12.01-1a2b3c4d</c>.</summary>
    public string Citation { get; init; } = string.Empty;

    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Paragraph, Id));
}

public sealed record ResponseDto(string ParagraphId, string DocumentId, string Relation, string Evidence);

public sealed record RecommendationDto(
    string Id,
    string Mechanism,
    string Locator,
    string? Text,
    string? SourceDocumentId,
    string? ParagraphId,
    string? Theme,
    IReadOnlyList<CitationDto> PriorRecommendations,
    bool FollowUp,
    DateOnly? FollowUpDeadline,
    IReadOnlyList<ResponseDto> Responses,
    IReadOnlyList<IndicatorSummaryDto> Indicators,
    IReadOnlyList<ThemeTagDto> Themes) : ILinkedRecord
{
    /// <summary>Ready-to-paste citation: the document and paragraph that state it (or its mechanism and number), and the release.</summary>
    public string Citation { get; init; } = string.Empty;

    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Recommendation, Id));
}

public sealed record HighlightDto(int Start, int Length);

/// <summary>A search result: <see cref="Type"/> is <c>paragraph</c> or <c>recommendation</c>; highlight offsets are
/// relative to <see cref="Snippet"/>, which starts at <see cref="SnippetOffset"/> of the record's text.</summary>
public sealed record SearchHitDto(
    string Type,
    string Id,
    string? DocumentId,
    string? Number,
    double Score,
    string Snippet,
    int SnippetOffset,
    IReadOnlyList<HighlightDto> Highlights) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(Type, Id));
}

/// <summary>A theme assigned to a record: <see cref="Reason"/> names the rule and the terms or heading that matched;
/// <see cref="Confidence"/> is 0.5–1 (headings and explicit SDG mentions score highest).</summary>
public sealed record ThemeTagDto(string ThemeId, string Name, string Kind, double Confidence, string Reason);

/// <summary>How many records carry a theme.</summary>
public sealed record ThemeCountsDto(int Paragraphs, int Recommendations, int Indicators);

/// <summary>An entry of the controlled vocabulary: a human-rights theme (<c>kind</c> = theme, named after OHCHR's
/// Universal Human Rights Index where one fits) or a Sustainable Development Goal (<c>kind</c> = sdg).</summary>
public sealed record ThemeDto(string Id, string Name, string Kind, int? GoalNumber, ThemeCountsDto Counts) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Theme, Id));
}

/// <summary>The period a number is stated for: a year, a range or a partial period ("first half of 2024"). Start
/// alone is an open period ("since 2016"), End alone a deadline ("by 2030").</summary>
public sealed record PeriodDto(string Label, DateOnly? Start, DateOnly? End);

/// <summary>An indicator as embedded in a paragraph or recommendation; the full record is at /v1/indicators/{id}.
/// <see cref="Quote"/> is the text at <see cref="Start"/>/<see cref="Length"/> of the paragraph's text, or of the
/// sub-item's text when <see cref="SubItemId"/> is set.</summary>
public sealed record IndicatorSummaryDto(
    string Id,
    string ParagraphId,
    string? SubItemId,
    decimal Value,
    decimal? ValueUpper,
    string Unit,
    string? Scale,
    string Qualifier,
    PeriodDto? Period,
    string Subject,
    string Kind,
    string? Measure,
    string Quote,
    int Start,
    int Length) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Indicator, Id));
}

/// <summary>A quantitative statement with its provenance and the rule that extracted it.</summary>
public sealed record IndicatorDto(
    string Id,
    string DocumentId,
    string ParagraphId,
    string? SubItemId,
    string Language,
    decimal Value,
    decimal? ValueUpper,
    string Unit,
    string? Scale,
    string Qualifier,
    PeriodDto? Period,
    string Subject,
    string Kind,
    string? Measure,
    IReadOnlyList<string> Population,
    string? Role,
    int? TargetYear,
    string Quote,
    int Start,
    int Length,
    string Rule,
    string? FactId,
    string? SeriesKey,
    string? TranslationId,
    IReadOnlyList<ThemeTagDto> Themes) : ILinkedRecord
{
    /// <summary>Ready-to-paste citation of the paragraph (or sub-item) the number is quoted from, and the release.</summary>
    public string Citation { get; init; } = string.Empty;

    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Indicator, Id));
}

/// <summary>A quota statement: its share when printed (null otherwise), who it is for, where it applies, since when.</summary>
public sealed record QuotaDto(
    string Id,
    string DocumentId,
    string ParagraphId,
    decimal? Percent,
    decimal? PercentUpper,
    IReadOnlyList<string> AppliesTo,
    IReadOnlyList<string> Where,
    int? SinceYear,
    string? IndicatorId,
    string Quote,
    int Start,
    int Length,
    string Rule) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Quota, Id));
}

public sealed record SeriesPointDto(PeriodDto Period, decimal Value, string? Scale, string IndicatorId);

/// <summary>One measure given for several periods in a paragraph, points ordered by period.</summary>
public sealed record SeriesDto(
    string Key,
    string DocumentId,
    string ParagraphId,
    string Subject,
    string Unit,
    string Kind,
    IReadOnlyList<SeriesPointDto> Points) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Series, Key));
}

/// <summary>The same fact (one <see cref="Measure"/>, period and population) stated in several places;
/// <see cref="Conflict"/> when the attestations disagree in value, year or unit, <see cref="ConflictScope"/>
/// (<c>across-documents</c> or <c>within-document</c>) saying where the disagreeing statements come from and
/// <see cref="ConflictReason"/> how they disagree.</summary>
public sealed record FactDto(
    string Id,
    string Measure,
    string Subject,
    string Kind,
    string Unit,
    PeriodDto? Period,
    IReadOnlyList<string> Population,
    bool Conflict,
    string? ConflictScope,
    string? ConflictReason,
    int DocumentCount,
    IReadOnlyList<IndicatorSummaryDto> Attestations) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Fact, Id));
}

/// <summary>A mention of a named entity in a paragraph: <see cref="Quote"/> is the text at
/// <see cref="Start"/>/<see cref="Length"/> of the paragraph's text, or of the sub-item's text when
/// <see cref="SubItemId"/> is set; <see cref="Attributes"/> are what this mention's sentence states.</summary>
public sealed record EntityMentionDto(
    string Id,
    string EntityId,
    string Kind,
    string DocumentId,
    string ParagraphId,
    string? SubItemId,
    string Language,
    string Quote,
    int Start,
    int Length,
    IReadOnlyList<EntityAttributeDto> Attributes,
    string Rule);

/// <summary>An attribute a mention states (adopted, signed, ratified, accession, inForce, approved, amended, since,
/// date, period) with its value as precise as printed (2024-04-15, 2020-06, 2022, 2023–2025).</summary>
public sealed record EntityAttributeDto(string Key, string Value);

/// <summary>Two mentions of one entity that state different values for the same attribute, with both quotes.</summary>
public sealed record EntityDisagreementDto(
    string Attribute,
    string FirstMentionId,
    string FirstValue,
    string FirstQuote,
    string SecondMentionId,
    string SecondValue,
    string SecondQuote,
    bool AcrossDocuments);

/// <summary>A named law, treaty, plan, institution or event (<see cref="Kind"/>) with the attributes its mentions
/// state, the documents that mention it and where mentions disagree. <see cref="Mentions"/> is filled by
/// <c>/v1/entities/{id}</c> and empty in lists.</summary>
public sealed record EntityDto(
    string Id,
    string Kind,
    string Name,
    IReadOnlyList<EntityAttributeDto> Attributes,
    int MentionCount,
    IReadOnlyList<string> DocumentIds,
    IReadOnlyList<EntityDisagreementDto> Disagreements,
    IReadOnlyList<EntityMentionDto> Mentions) : ILinkedRecord
{
    public RecordLinksDto Links => new(RecordTypes.SelfPath(RecordTypes.Entity, Id));
}
