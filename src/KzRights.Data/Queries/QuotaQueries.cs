using KzRights.Data.Entities;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class QuotaQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    public async Task<Page<QuotaDto>> ListAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(document, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<QuotaDto>> ListPageAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        await Keyset.PageAsync(await FilteredAsync(document, ct), Scope(document), cursor, limit, rows => Task.FromResult(rows.Select(ToDto).ToList()), ct,
            release: release);

    /// <summary>The quotas the filter selects as a table (CSV/NDJSON answers).</summary>
    public async Task<TableQuery> TableAsync(string? document, CancellationToken ct) =>
        TableQuery.ByKeyset(db, Tables.Tables.Quotas, await FilteredAsync(document, ct), Scope(document));

    private static string Scope(string? document) => $"quotas\n{document}";

    private async Task<IQueryable<QuotaEntity>> FilteredAsync(string? document, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, document, ct);
        return document is null ? db.Quotas.Untracked() : db.Quotas.Untracked().Where(q => q.DocumentId == document);
    }

    public async Task<QuotaDto?> GetAsync(string id, CancellationToken ct) =>
        await ReadModel.StoredHydration.TryLoadOneAsync<QuotaDto>(db, release, Releases.RecordTypes.Quota, id, ct)
        ?? (await db.Quotas.Untracked().SingleOrDefaultAsync(q => q.Id == id, ct) is { } row ? ToDto(row) : null);

    /// <summary>One quota as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<ReadModel.Served<QuotaDto>?> GetServedAsync(string id, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Quota, id, () => GetAsync(id, ct), ct);

    private static QuotaDto ToDto(QuotaEntity q) =>
        new(q.Id, q.DocumentId, q.ParagraphId, q.Percent, q.PercentUpper, StoredJson.ReadStrings(q.AppliesToJson),
            StoredJson.ReadStrings(q.WhereJson), q.SinceYear, q.IndicatorId, q.Quote, q.Start, q.Length, q.Rule);
}
