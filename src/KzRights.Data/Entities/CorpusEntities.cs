namespace KzRights.Data.Entities;

// Storage shapes only: the API never returns these; query services project them into DTO records.
// Every key is a stable id from the data (document slug + printed locator), so a re-ingest yields the same keys.
// SortKey columns give a total order that is a function of the data alone, which keyset cursors rely on.

/// <summary>A row of a short fixed-order list (documents, themes), paged by its position.</summary>
public interface IOrdinalRow
{
    int Ordinal { get; }
}

public sealed class DocumentEntity : IOrdinalRow
{
    public required string Id { get; set; }
    public int Ordinal { get; set; }
    public string? Symbol { get; set; }
    public bool SymbolPrinted { get; set; }
    public required string Title { get; set; }
    public required string DocumentType { get; set; }
    public required string Body { get; set; }
    public required string Mechanism { get; set; }
    public required string Layout { get; set; }
    public string? Session { get; set; }
    public required string Languages { get; set; }
    public required string OriginalLanguage { get; set; }
    public required string SourceFile { get; set; }
    public required string Sha256 { get; set; }
    public List<DocumentDateEntity> Dates { get; set; } = [];
    public List<SectionEntity> Sections { get; set; } = [];
    public List<ParagraphEntity> Paragraphs { get; set; } = [];
    public List<SourceReferenceEntity> References { get; set; } = [];
}

public sealed class DocumentDateEntity
{
    public required string DocumentId { get; set; }
    public required string Role { get; set; }
    public DateOnly Date { get; set; }
    public required string Note { get; set; }
}

public sealed class SectionEntity
{
    public required string Id { get; set; }
    public required string DocumentId { get; set; }
    public string? ParentId { get; set; }
    public int Level { get; set; }
    public required string Kind { get; set; }
    public string? Number { get; set; }
    public required string Title { get; set; }
    public required string Language { get; set; }
    public int Ordinal { get; set; }
    public int Line { get; set; }
}

/// <summary>A row listed with keyset paging: <see cref="SortKey"/> orders it, byte-wise, as a function of the data alone.</summary>
public interface IKeysetRow
{
    string SortKey { get; }
}

/// <summary>A keyset row with a record in the read model under its <see cref="Id"/> (paragraphs, recommendations and
/// indicators: the lists whose pages join their stored JSON).</summary>
public interface IServedRow : IKeysetRow
{
    string Id { get; }
}

public sealed class ParagraphEntity : IServedRow
{
    public required string Id { get; set; }
    public required string DocumentId { get; set; }
    public required string SortKey { get; set; }
    public string? SectionId { get; set; }
    public required string SectionPath { get; set; }
    public string? Number { get; set; }
    public string? RawNumber { get; set; }
    public int Ordinal { get; set; }
    public required string Text { get; set; }

    /// <summary>Text plus sub-item texts: what full-text search indexes, so a paragraph is found by words of its (a), (b)….</summary>
    public required string SearchText { get; set; }
    public required string Language { get; set; }
    public int StartLine { get; set; }
    public int EndLine { get; set; }
    public List<SubItemEntity> SubItems { get; set; } = [];
    public List<FootnoteEntity> Footnotes { get; set; } = [];
}

public sealed class SubItemEntity
{
    public required string Id { get; set; }
    public required string ParagraphId { get; set; }
    public required string Label { get; set; }
    public required string Text { get; set; }
    public int Ordinal { get; set; }
    public int Line { get; set; }
}

public sealed class FootnoteEntity
{
    public required string Id { get; set; }
    public required string DocumentId { get; set; }
    public required string ParagraphId { get; set; }
    public required string Marker { get; set; }
    public int MarkerOffset { get; set; }
    public required string Text { get; set; }

    /// <summary>Citations as JSON (<c>[{"symbol":…,"paragraphs":[…]}]</c>): always read whole, never queried.</summary>
    public required string CitationsJson { get; set; }
    public int Line { get; set; }
}

public sealed class SourceReferenceEntity
{
    public required string Id { get; set; }
    public required string DocumentId { get; set; }
    public required string Marker { get; set; }
    public required string Text { get; set; }
    public string? Url { get; set; }
    public int Line { get; set; }
}

public sealed class RecommendationEntity : IServedRow
{
    public required string Id { get; set; }
    public required string SortKey { get; set; }
    public required string Mechanism { get; set; }
    public required string Locator { get; set; }
    public string? Text { get; set; }
    public string? SourceDocumentId { get; set; }
    public string? ParagraphId { get; set; }
    public string? Theme { get; set; }
    public required string PriorRecommendationsJson { get; set; }
    public bool FollowUp { get; set; }
    public DateOnly? FollowUpDeadline { get; set; }

    /// <summary>Locator, theme and text: what full-text search indexes for a recommendation.</summary>
    public required string SearchText { get; set; }
    public List<ResponseLinkEntity> Responses { get; set; } = [];
}

public sealed class ResponseLinkEntity
{
    public required string RecommendationId { get; set; }
    public required string ParagraphId { get; set; }
    public required string Relation { get; set; }
    public required string Evidence { get; set; }
    public required string DocumentId { get; set; }
}

public sealed class TranslationLinkEntity
{
    public required string SourceId { get; set; }
    public required string TargetId { get; set; }
    public required string Kind { get; set; }
    public required string SourceLanguage { get; set; }
    public required string TargetLanguage { get; set; }
}

/// <summary>One row: what was loaded and when. A changed manifest hash triggers a re-ingest on start.</summary>
public sealed class IngestStateEntity
{
    public int Id { get; set; }
    public required string ManifestSha256 { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public required string Summary { get; set; }
}
