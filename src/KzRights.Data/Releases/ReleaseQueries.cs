using System.Globalization;
using KzRights.Data.Entities;
using KzRights.Data.Queries;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Filters of a change list: record type and document, both optional.</summary>
public sealed record ChangeFilter(string? Type = null, string? Document = null);

public sealed class ReleaseQueries(KzRightsDbContext db)
{
    private const string Scope = "releases";

    /// <summary>Stands for the newest release where a release id is expected in a path.</summary>
    public const string LatestAlias = "latest";

    /// <summary>Releases newest first.</summary>
    public async Task<Page<ReleaseDto>> ListAsync(int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<ReleaseDto>> ListPageAsync(int limit, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(Scope, cursor);
        var total = await db.Releases.CountAsync(ct);
        var query = db.Releases.AsNoTracking();
        if (after is not null)
        {
            var sequence = int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
            query = query.Where(r => r.Sequence < sequence);
        }

        var rows = await query.OrderByDescending(r => r.Sequence).Take(limit + 1).ToListAsync(ct);
        return Paging.Slice(rows.Select(ToDto).ToList(), rows.Select(r => r.Sequence.ToString(CultureInfo.InvariantCulture)).ToList(), limit, total, Scope);
    }

    public async Task<ReleaseDto?> GetAsync(string id, CancellationToken ct) =>
        await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } row ? ToDto(row) : null;

    /// <summary>A release by id, or the newest one for <see cref="LatestAlias"/>; null when there is none.</summary>
    public async Task<ReleaseDto?> FindAsync(string idOrLatest, CancellationToken ct) =>
        idOrLatest == LatestAlias ? await LatestAsync(ct) : await GetAsync(idOrLatest, ct);

    public async Task<ReleaseDto?> LatestAsync(CancellationToken ct) =>
        await LatestEntityAsync(db, ct) is { } row ? ToDto(row) : null;

    private static readonly IdFilter Since = IdFilter.Of("since", "release", (db, id, ct) => db.Releases.AnyAsync(r => r.Id == id, ct));

    /// <summary>A document any release held: a removed document is still a valid filter, its records listed as removed.</summary>
    private static readonly IdFilter PublishedDocument = IdFilter.Of("document", "document",
        (db, id, ct) => db.ReleaseRecords.AnyAsync(r => r.Type == RecordTypes.Document && r.RecordId == id, ct));

    /// <summary>What changed from the release before <paramref name="releaseId"/> to it (everything is added in the
    /// first release); null when no release has that id. Throws <see cref="UnknownFilterIdException"/> for a document
    /// no release ever held.</summary>
    public async Task<ChangePage?> ChangesAsync(string releaseId, ChangeFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await ReleaseChangesAsync(releaseId, filter, ct) is { } changes ? changes.Page(limit, cursor) : null;

    /// <summary>Every change of a release, unpaged (the webhook outbox summarises them); empty when no release has that id.</summary>
    public async Task<IReadOnlyList<RecordChangeDto>> AllChangesAsync(string releaseId, CancellationToken ct) =>
        await ReleaseChangesAsync(releaseId, new ChangeFilter(), ct) is { } changes ? changes.Ordered.Select(c => c.Change).ToList() : [];

    /// <summary>The rows of <see cref="Tables.Tables.ReleaseChanges"/> for <see cref="ChangesAsync"/>; null when no
    /// release has that id. The change set is computed in memory (two releases' record hashes), as for JSON.</summary>
    public async Task<TableQuery?> ChangesTableAsync(string releaseId, ChangeFilter filter, CancellationToken ct) =>
        await ReleaseChangesAsync(releaseId, filter, ct) is { } changes ? changes.Table(db) : null;

    private async Task<Diff?> ReleaseChangesAsync(string releaseId, ChangeFilter filter, CancellationToken ct)
    {
        await PublishedDocument.RequireAsync(db, filter.Document, ct);
        var release = releaseId == LatestAlias
            ? await LatestEntityAsync(db, ct)
            : await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        return release is null ? null : await DiffAsync(release.PreviousReleaseId, release.Id, filter, ct);
    }

    /// <summary>The net changes from <paramref name="sinceReleaseId"/> to the latest release, across every release in
    /// between (a record added and removed again in between is not listed). Throws <see cref="UnknownFilterIdException"/>
    /// for a release or document id that names nothing; <c>latest</c> (nothing changed since) is accepted.</summary>
    public async Task<ChangePage> ChangesSinceAsync(string sinceReleaseId, ChangeFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ChangesSinceDiffAsync(sinceReleaseId, filter, ct)).Page(limit, cursor);

    /// <summary>The rows of <see cref="Tables.Tables.ReleaseChanges"/> for <see cref="ChangesSinceAsync"/>.</summary>
    public async Task<TableQuery> ChangesSinceTableAsync(string sinceReleaseId, ChangeFilter filter, CancellationToken ct) =>
        (await ChangesSinceDiffAsync(sinceReleaseId, filter, ct)).Table(db);

    private async Task<Diff> ChangesSinceDiffAsync(string sinceReleaseId, ChangeFilter filter, CancellationToken ct)
    {
        var latest = await LatestEntityAsync(db, ct) ?? throw new UnknownFilterIdException("since", "release", sinceReleaseId);
        sinceReleaseId = sinceReleaseId == LatestAlias ? latest.Id : sinceReleaseId;
        await Since.RequireAsync(db, sinceReleaseId, ct);
        await PublishedDocument.RequireAsync(db, filter.Document, ct);
        return await DiffAsync(sinceReleaseId, latest.Id, filter, ct);
    }

    internal static async Task<ReleaseEntity?> LatestEntityAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Releases.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);

    internal static ReleaseDto ToDto(ReleaseEntity r) =>
        new(r.Id, r.PublishedAt, r.PreviousReleaseId, r.ManifestSha256, r.ParserVersion, r.ContentSha256,
            StoredJson.Read<Dictionary<string, int>>(r.CountsJson) ?? [], DataLicense.FromId(r.License));

    private async Task<Diff> DiffAsync(string? fromId, string toId, ChangeFilter filter, CancellationToken ct)
    {
        var before = fromId is null ? [] : await RecordsAsync(fromId, filter, ct);
        var now = await RecordsAsync(toId, filter, ct);
        var changes = new List<(string SortKey, RecordChangeDto Change)>();
        foreach (var (key, record) in now)
        {
            if (!before.TryGetValue(key, out var old))
            {
                changes.Add((key, new RecordChangeDto(record.Type, record.RecordId, ChangeKinds.Added, record.DocumentId, null, record.Sha256)));
            }
            else if (old.Sha256 != record.Sha256)
            {
                changes.Add((key, new RecordChangeDto(record.Type, record.RecordId, ChangeKinds.Changed, record.DocumentId, old.Sha256, record.Sha256)));
            }
        }

        changes.AddRange(before.Where(b => !now.ContainsKey(b.Key))
            .Select(b => (b.Key, new RecordChangeDto(b.Value.Type, b.Value.RecordId, ChangeKinds.Removed, b.Value.DocumentId, b.Value.Sha256, null))));
        return new Diff(fromId, toId, $"changes\n{fromId}\n{toId}\n{filter.Type}\n{filter.Document}",
            changes.OrderBy(c => c.SortKey, StringComparer.Ordinal).ToList());
    }

    /// <summary>The changes from one release to another, ordered by type and id, paged by cursor.</summary>
    private sealed record Diff(string? FromId, string ToId, string Scope, List<(string SortKey, RecordChangeDto Change)> Ordered)
    {
        public ChangePage Page(int limit, string? cursor)
        {
            var (items, next) = Slice(limit, cursor);
            return new ChangePage(FromId, ToId, items, next, Ordered.Count);
        }

        public TableQuery Table(KzRightsDbContext db) => new(db, Tables.Tables.ReleaseChanges, _ => Task.FromResult(Ordered.Count),
            _ => Ordered.Select(c => Tables.Tables.ReleaseChanges.Cells(c.Change)).ToAsyncEnumerable(),
            (limit, cursor, _) =>
            {
                var (items, next) = Slice(limit, cursor);
                return Task.FromResult(new TablePage(items.Select(Tables.Tables.ReleaseChanges.Cells).ToArray(), next, Ordered.Count));
            });

        private (IReadOnlyList<RecordChangeDto> Items, string? NextCursor) Slice(int limit, string? cursor)
        {
            var after = Cursor.Decode(Scope, cursor);
            var start = after is null ? 0 : Ordered.FindIndex(c => string.CompareOrdinal(c.SortKey, after) > 0);
            var fetched = start < 0 ? [] : Ordered.Skip(start).Take(limit + 1).ToList();
            var page = Paging.Slice(fetched.Select(c => c.Change).ToList(), fetched.Select(c => c.SortKey).ToList(), limit, Ordered.Count, Scope).Page;
            return (page.Items, page.NextCursor);
        }
    }

    /// <summary>The records of a release keyed by a sort key that orders them by type (in <see cref="RecordTypes.All"/>
    /// order) and then by id.</summary>
    private async Task<Dictionary<string, ReleaseRecordEntity>> RecordsAsync(string releaseId, ChangeFilter filter, CancellationToken ct)
    {
        var query = db.ReleaseRecords.AsNoTracking().Where(r => r.ReleaseId == releaseId);
        if (filter.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (filter.Document is { } document)
        {
            query = query.Where(r => r.DocumentId == document);
        }

        var rows = await query.ToListAsync(ct);
        return rows.ToDictionary(r => $"{TypeOrder(r.Type)}|{r.RecordId}", StringComparer.Ordinal);
    }

    private static int TypeOrder(string type) => RecordTypes.All.ToList().IndexOf(type);
}
