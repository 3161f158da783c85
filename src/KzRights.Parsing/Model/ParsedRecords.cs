namespace KzRights.Parsing.Model;

/// <summary>Where a source line ended up: every line of every document is accounted for exactly once.</summary>
public enum LineFate
{
    /// <summary>The line's text is part of the record named by <see cref="LineAccount.RecordId"/>.</summary>
    Kept,

    /// <summary>The line continues a record started on an earlier line (a paragraph split by a page break).</summary>
    Joined,

    /// <summary>The line is a conversion artefact; <see cref="LineAccount.Reason"/> says which.</summary>
    Dropped,
}

public sealed record LineAccount(int Line, LineFate Fate, string? RecordId, string? Reason);

public sealed record ParseDiagnostic(string File, int Line, string Severity, string Message);

/// <summary>A citation of another UN document, e.g. <c>CCPR/C/KAZ/CO/2, para. 8</c>; "Ibid." is resolved to the symbol.</summary>
public sealed record Citation(string Symbol, IReadOnlyList<string> Paragraphs);

public sealed record Section(
    string Id,
    string DocumentId,
    string? ParentId,
    int Level,
    string Kind,
    string? Number,
    string Title,
    string Language,
    int Ordinal,
    int Line);

public sealed record SubItem(string Id, string ParagraphId, string Label, string Text, int Ordinal, int Line);

public sealed record Footnote(
    string Id,
    string DocumentId,
    string ParagraphId,
    string Marker,
    int MarkerOffset,
    string Text,
    IReadOnlyList<Citation> Citations,
    int Line);

public sealed record Paragraph(
    string Id,
    string DocumentId,
    string? SectionId,
    IReadOnlyList<string> SectionPath,
    string? Number,
    string? RawNumber,
    int Ordinal,
    string Text,
    string Language,
    IReadOnlyList<SubItem> SubItems,
    IReadOnlyList<Footnote> Footnotes,
    int StartLine,
    int EndLine);

/// <summary>Something that asks the State for a response: a UPR recommendation, a treaty-body recommendation,
/// a list-of-issues question or a special-procedures communication. <see cref="Text"/> is null where the corpus
/// does not contain the text (it is never invented).</summary>
public sealed record Recommendation(
    string Id,
    string Mechanism,
    string Locator,
    string? Text,
    string? SourceDocumentId,
    string? ParagraphId,
    string? Theme,
    IReadOnlyList<Citation> PriorRecommendations,
    bool FollowUp,
    DateOnly? FollowUpDeadline);

/// <summary>Links a recommendation to a paragraph. Relations: <c>responds-to</c> (the paragraph answers it),
/// <c>states</c> (the paragraph is the recommendation's own text), <c>follow-up</c> (the paragraph selects it for follow-up).</summary>
public sealed record ResponseLink(string RecommendationId, string ParagraphId, string Relation, string Evidence);

/// <summary>Pairs a record with its translation (section with section, paragraph with paragraph).</summary>
public sealed record TranslationLink(string Kind, string SourceId, string SourceLanguage, string TargetId, string TargetLanguage);

/// <summary>An entry of a closing list of sources (the government review's roman-numbered references).</summary>
public sealed record SourceReference(string Id, string DocumentId, string Marker, string Text, string? Url, int Line);

public sealed record ParsedDocument(
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<SourceReference> References,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<ResponseLink> ResponseLinks,
    IReadOnlyList<TranslationLink> Translations,
    IReadOnlyList<LineAccount> Lines,
    IReadOnlyList<ParseDiagnostic> Diagnostics)
{
    public string Id => Metadata.Slug;
}

public sealed record ParsedCorpus(
    IReadOnlyList<ParsedDocument> Documents,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<ResponseLink> ResponseLinks,
    string ManifestSha256);
