namespace KzRights.Data.Entities;

/// <summary>A published release: immutable once written. <see cref="Sequence"/> orders releases (newest has the
/// highest), since two releases of one day share the date part of their ids.</summary>
public sealed class ReleaseEntity
{
    public required string Id { get; set; }
    public int Sequence { get; set; }
    public string? PreviousReleaseId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string ManifestSha256 { get; set; }
    public required string ParserVersion { get; set; }

    /// <summary>SHA-256 over every record's type, id and content hash: equal for equal data.</summary>
    public required string ContentSha256 { get; set; }

    /// <summary>Records per type as JSON (<c>{"paragraph":1234,…}</c>): read whole, never queried.</summary>
    public required string CountsJson { get; set; }
    public required string License { get; set; }
}

/// <summary>The content hash of one record in one release. Kept for every release, so the changes between any two
/// releases can be computed.</summary>
public sealed class ReleaseRecordEntity
{
    public required string ReleaseId { get; set; }
    public required string Type { get; set; }
    public required string RecordId { get; set; }

    /// <summary>The document the record belongs to (null for facts and themes, which span documents).</summary>
    public string? DocumentId { get; set; }
    public required string Sha256 { get; set; }
}
