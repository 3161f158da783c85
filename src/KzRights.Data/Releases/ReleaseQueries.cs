using System.Globalization;
using System.Linq.Expressions;
using KzRights.Data.Entities;
using KzRights.Data.Providers;
using KzRights.Data.Queries;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Filters of a change list: record type and document, both optional. <see cref="Theme"/> (webhook subscriptions)
/// keeps the theme's own record and the records tagged with it in the current data; a removed record has lost its tags
/// with the data and matches only the other filters.</summary>
public sealed record ChangeFilter(string? Type = null, string? Document = null, string? Theme = null);

/// <summary>Changes of one record type between two releases.</summary>
public sealed record ChangeCounts(int Added, int Changed, int Removed);

public sealed class ReleaseQueries(KzRightsDbContext db, KzRightsDatabaseProvider provider)
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
        var query = db.Releases.Untracked();
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
        await db.Releases.Untracked().SingleOrDefaultAsync(r => r.Id == id, ct) is { } row ? ToDto(row) : null;

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
        await ReleaseChangesAsync(releaseId, filter, ct) is { } changes ? await changes.PageAsync(limit, cursor, ct) : null;

    /// <summary>How many records of each type a release added, changed and removed (matching <paramref name="filter"/>), in
    /// <see cref="RecordTypes.All"/> order, types without changes left out; empty when no release has that id.</summary>
    public async Task<IReadOnlyDictionary<string, ChangeCounts>> ChangeCountsAsync(string releaseId, ChangeFilter filter, CancellationToken ct) =>
        await ReleaseChangesAsync(releaseId, filter, ct) is { } changes ? await changes.CountsAsync(ct) : new Dictionary<string, ChangeCounts>();

    /// <summary>The rows of <see cref="Tables.Tables.ReleaseChanges"/> for <see cref="ChangesAsync"/>; null when no
    /// release has that id.</summary>
    public async Task<TableQuery?> ChangesTableAsync(string releaseId, ChangeFilter filter, CancellationToken ct) =>
        await ReleaseChangesAsync(releaseId, filter, ct) is { } changes ? changes.Table(db) : null;

    private async Task<Diff?> ReleaseChangesAsync(string releaseId, ChangeFilter filter, CancellationToken ct)
    {
        await PublishedDocument.RequireAsync(db, filter.Document, ct);
        var release = releaseId == LatestAlias
            ? await LatestEntityAsync(db, ct)
            : await db.Releases.Untracked().SingleOrDefaultAsync(r => r.Id == releaseId, ct);
        return release is null ? null : ChangesBetween(release.PreviousReleaseId, release.Id, filter);
    }

    /// <summary>The net changes from <paramref name="sinceReleaseId"/> to the latest release, across every release in
    /// between (a record added and removed again in between is not listed). Throws <see cref="UnknownFilterIdException"/>
    /// for a release or document id that names nothing; <c>latest</c> (nothing changed since) is accepted.</summary>
    public async Task<ChangePage> ChangesSinceAsync(string sinceReleaseId, ChangeFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await (await ChangesSinceDiffAsync(sinceReleaseId, filter, ct)).PageAsync(limit, cursor, ct);

    /// <summary>The rows of <see cref="Tables.Tables.ReleaseChanges"/> for <see cref="ChangesSinceAsync"/>.</summary>
    public async Task<TableQuery> ChangesSinceTableAsync(string sinceReleaseId, ChangeFilter filter, CancellationToken ct) =>
        (await ChangesSinceDiffAsync(sinceReleaseId, filter, ct)).Table(db);

    private async Task<Diff> ChangesSinceDiffAsync(string sinceReleaseId, ChangeFilter filter, CancellationToken ct)
    {
        var latest = await LatestEntityAsync(db, ct) ?? throw new UnknownFilterIdException("since", "release", sinceReleaseId);
        sinceReleaseId = sinceReleaseId == LatestAlias ? latest.Id : sinceReleaseId;
        await Since.RequireAsync(db, sinceReleaseId, ct);
        await PublishedDocument.RequireAsync(db, filter.Document, ct);
        return ChangesBetween(sinceReleaseId, latest.Id, filter);
    }

    /// <summary>The id of the latest release, or null: one indexed row, read at the start of every uncached answer.</summary>
    // Every uncached answer's first statement: a command prepared once per connection (see PreparedReads).
    internal static Task<string?> LatestIdAsync(KzRightsDbContext db, CancellationToken ct) => ReadModel.PreparedReads.LatestReleaseIdAsync(db, ct);

    internal static async Task<ReleaseEntity?> LatestEntityAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Releases.Untracked().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);

    internal static ReleaseDto ToDto(ReleaseEntity r) =>
        new(r.Id, r.PublishedAt, r.PreviousReleaseId, r.ManifestSha256, r.ParserVersion, r.ContentSha256,
            StoredJson.Read<Dictionary<string, int>>(r.CountsJson) ?? [], DataLicense.FromId(r.License));

    private Diff ChangesBetween(string? fromId, string toId, ChangeFilter filter)
    {
        var now = RecordsOf(toId, filter);
        IQueryable<ChangeRow> changes;
        if (fromId is null)
        {
            changes = now.Select(n => new ChangeRow
            {
                Type = n.Type, RecordId = n.RecordId, DocumentId = n.DocumentId, OldSha256 = null, NewSha256 = n.Sha256,
            });
        }
        else
        {
            var before = RecordsOf(fromId, filter);
            var addedOrChanged = now
                .LeftJoin(before, n => new { n.Type, n.RecordId }, b => new { b.Type, b.RecordId }, (n, b) => new ChangeRow
                {
                    Type = n.Type, RecordId = n.RecordId, DocumentId = n.DocumentId, OldSha256 = b == null ? null : b.Sha256, NewSha256 = n.Sha256,
                })
                .Where(c => c.OldSha256 == null || c.OldSha256 != c.NewSha256);
            var removed = before
                .Where(b => !now.Any(n => n.Type == b.Type && n.RecordId == b.RecordId))
                .Select(b => new ChangeRow { Type = b.Type, RecordId = b.RecordId, DocumentId = b.DocumentId, OldSha256 = b.Sha256, NewSha256 = null });
            changes = addedOrChanged.Concat(removed);
        }

        if (filter.Theme is { } theme)
        {
            var tags = db.ThemeTags.Where(t => t.ThemeId == theme);
            changes = changes.Where(c => (c.Type == RecordTypes.Theme && c.RecordId == theme)
                || tags.Any(t => t.TargetType == c.Type && t.TargetId == c.RecordId));
        }

        var scope = $"changes\n{fromId}\n{toId}\n{filter.Type}\n{filter.Document}" + (filter.Theme is null ? string.Empty : $"\n{filter.Theme}");
        return new Diff(fromId, toId, scope, changes, provider.SortKeyCollation);
    }

    /// <summary>One changed record, as the database computes it from two releases' record hashes.</summary>
    private sealed class ChangeRow
    {
        public string Type { get; set; } = string.Empty;
        public string RecordId { get; set; } = string.Empty;
        public string? DocumentId { get; set; }
        public string? OldSha256 { get; set; }
        public string? NewSha256 { get; set; }

        public RecordChangeDto ToDto() => new(Type, RecordId,
            OldSha256 is null ? ChangeKinds.Added : NewSha256 is null ? ChangeKinds.Removed : ChangeKinds.Changed, DocumentId, OldSha256, NewSha256);

        /// <summary>The cursor's sort key: type (in <see cref="RecordTypes.All"/> order), then id.</summary>
        public string SortKey => $"{TypeOrder(Type)}|{RecordId}";
    }

    /// <summary>The changes from one release to another, ordered by type (in <see cref="RecordTypes.All"/> order) and id
    /// (code-point order: the provider's byte-order collation), paged by cursor. The database joins the two releases'
    /// record hashes and returns only a page (or streams the table), so nothing here grows with the number of records.</summary>
    private sealed class Diff(string? fromId, string toId, string scope, IQueryable<ChangeRow> changes, string? collation)
    {
        /// <summary>CASE type WHEN 'document' THEN 0 … END, for ordering by <see cref="RecordTypes.All"/>.</summary>
        private static readonly Expression<Func<ChangeRow, int>> TypeOrderOf = BuildTypeOrder();

        public async Task<ChangePage> PageAsync(int limit, string? cursor, CancellationToken ct)
        {
            var rows = await Ordered(After(Cursor.Decode(scope, cursor))).Take(limit + 1).ToListAsync(ct);
            var total = await changes.CountAsync(ct);
            var page = Paging.Slice(rows.ConvertAll(r => r.ToDto()), rows.ConvertAll(r => r.SortKey), limit, total, scope).Page;
            return new ChangePage(fromId, toId, page.Items, page.NextCursor, total);
        }

        public async Task<IReadOnlyDictionary<string, ChangeCounts>> CountsAsync(CancellationToken ct)
        {
            var counts = await changes.GroupBy(c => c.Type)
                .Select(g => new { Type = g.Key, Added = g.Count(c => c.OldSha256 == null), Removed = g.Count(c => c.NewSha256 == null), All = g.Count() })
                .ToListAsync(ct);
            return counts.OrderBy(c => TypeOrder(c.Type))
                .ToDictionary(c => c.Type, c => new ChangeCounts(c.Added, c.All - c.Added - c.Removed, c.Removed), StringComparer.Ordinal);
        }

        public TableQuery Table(KzRightsDbContext db) => new(db, Tables.Tables.ReleaseChanges, ct => changes.CountAsync(ct),
            ct => Ordered(changes).AsAsyncEnumerable().Select(r => Tables.Tables.ReleaseChanges.Cells(r.ToDto())),
            async (limit, cursor, ct) =>
            {
                var page = await PageAsync(limit, cursor, ct);
                return new TablePage(page.Items.Select(Tables.Tables.ReleaseChanges.Cells).ToArray(), page.NextCursor, page.Total);
            });

        private IQueryable<ChangeRow> Ordered(IQueryable<ChangeRow> rows) =>
            collation is null
                ? rows.OrderBy(TypeOrderOf).ThenBy(c => c.RecordId)
                : rows.OrderBy(TypeOrderOf).ThenBy(c => EF.Functions.Collate(c.RecordId, collation));

        /// <summary>The changes after a sort key: of a later type, or of its type with a greater id.</summary>
        private IQueryable<ChangeRow> After(string? sortKey)
        {
            if (sortKey is null)
            {
                return changes;
            }

            var separator = sortKey.IndexOf('|', StringComparison.Ordinal);
            if (separator < 0 || !int.TryParse(sortKey.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var order)
                || order >= RecordTypes.All.Count)
            {
                throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
            }

            var type = RecordTypes.All[order];
            var later = RecordTypes.All.Skip(order + 1).ToArray();
            var id = sortKey[(separator + 1)..];
            return collation is null
                ? changes.Where(c => later.Contains(c.Type) || (c.Type == type && string.Compare(c.RecordId, id) > 0))
                : changes.Where(c => later.Contains(c.Type) || (c.Type == type && string.Compare(EF.Functions.Collate(c.RecordId, collation), id) > 0));
        }

        private static Expression<Func<ChangeRow, int>> BuildTypeOrder()
        {
            var row = Expression.Parameter(typeof(ChangeRow), "c");
            var type = Expression.Property(row, nameof(ChangeRow.Type));
            Expression order = Expression.Constant(RecordTypes.All.Count);
            for (var i = RecordTypes.All.Count - 1; i >= 0; i--)
            {
                order = Expression.Condition(Expression.Equal(type, Expression.Constant(RecordTypes.All[i])), Expression.Constant(i), order);
            }

            return Expression.Lambda<Func<ChangeRow, int>>(order, row);
        }
    }

    /// <summary>The record hashes of a release, filtered by type and document.</summary>
    private IQueryable<ReleaseRecordEntity> RecordsOf(string releaseId, ChangeFilter filter)
    {
        var query = db.ReleaseRecords.Untracked().Where(r => r.ReleaseId == releaseId);
        if (filter.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (filter.Document is { } document)
        {
            query = query.Where(r => r.DocumentId == document);
        }

        return query;
    }

    private static int TypeOrder(string type) => RecordTypes.All.ToList().IndexOf(type);
}
