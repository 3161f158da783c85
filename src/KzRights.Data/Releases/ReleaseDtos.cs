namespace KzRights.Data.Releases;

/// <summary>The terms the derived data is published under, stated on every release.</summary>
public sealed record LicenseDto(string Id, string Name, string Url, string Terms);

/// <summary>An immutable snapshot of the data. <see cref="Id"/> is the publication date and the start of
/// <see cref="ContentSha256"/>, so ids sort by date and equal data has equal hashes.</summary>
public sealed record ReleaseDto(
    string Id,
    DateTimeOffset PublishedAt,
    string? PreviousReleaseId,
    string ManifestSha256,
    string ParserVersion,
    string ContentSha256,
    IReadOnlyDictionary<string, int> Counts,
    LicenseDto License)
{
    public ReleaseLinksDto Links => new($"/v1/releases/{Id}", $"/v1/releases/{Id}/changes");
}

public sealed record ReleaseLinksDto(string Self, string Changes);

/// <summary>What happened to one record between two releases; a hash is null where the record does not exist.</summary>
public sealed record RecordChangeDto(string Type, string Id, string Change, string? DocumentId, string? OldSha256, string? NewSha256)
{
    /// <summary>Where the record is served now; null for a removed record.</summary>
    public string? Self => NewSha256 is null ? null : RecordTypes.SelfPath(Type, Id);
}

/// <summary>A page of changes from <see cref="From"/> (null: from nothing, the first release) to <see cref="To"/>.</summary>
public sealed record ChangePage(string? From, string To, IReadOnlyList<RecordChangeDto> Items, string? NextCursor, int Total) : Queries.IReleaseStamped
{
    /// <summary>Id of the latest release when the page was read; set by the API for every list it serves.</summary>
    public string? Release { get; set; }
}

/// <summary>The kinds of change a record can go through between two releases.</summary>
public static class ChangeKinds
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Removed = "removed";
}
