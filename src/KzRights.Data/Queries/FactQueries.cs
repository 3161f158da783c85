using KzRights.Data.Entities;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class FactQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    public async Task<Page<FactDto>> ListAsync(bool? conflicting, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(conflicting, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<FactDto>> ListPageAsync(bool? conflicting, int limit, string? cursor, CancellationToken ct) =>
        await Keyset.PageAsync(Filtered(conflicting), Scope(conflicting), cursor, limit, rows => ToDtosAsync(rows, ct), ct, release: release);

    /// <summary>The facts the filter selects as a table (CSV/NDJSON answers).</summary>
    public TableQuery Table(bool? conflicting) => TableQuery.ByKeyset(db, Tables.Tables.Facts, Filtered(conflicting), Scope(conflicting));

    private static string Scope(bool? conflicting) => $"facts\n{conflicting}";

    private IQueryable<FactEntity> Filtered(bool? conflicting) =>
        conflicting is { } c ? db.Facts.Untracked().Where(f => f.Conflict == c) : db.Facts.Untracked();

    public async Task<FactDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>One fact as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<ReadModel.Served<FactDto>?> GetServedAsync(string id, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Fact, id, () => GetAsync(id, ct), ct);

    public async Task<IReadOnlyDictionary<string, FactDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (await ReadModel.StoredHydration.TryLoadAllAsync<FactDto>(db, release, Releases.RecordTypes.Fact, ids, ct) is { } stored)
        {
            return stored;
        }

        var rows = await db.Facts.Untracked().Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        return (await ToDtosAsync(rows, ct)).ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    private async Task<List<FactDto>> ToDtosAsync(IReadOnlyList<FactEntity> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var attestations = (await db.Indicators.Untracked().Where(i => i.FactId != null && ids.Contains(i.FactId)).OrderBy(i => i.SortKey).ToListAsync(ct))
            .ToLookup(i => i.FactId!, IndicatorQueries.Summary, StringComparer.Ordinal);
        return rows.Select(f => new FactDto(
            f.Id, f.Measure, f.Subject, f.Kind, f.Unit, IndicatorQueries.Period(f.PeriodLabel, f.PeriodStart, f.PeriodEnd),
            StoredJson.ReadStrings(f.PopulationJson), f.Conflict, f.ConflictScope, f.ConflictReason, f.DocumentCount, attestations[f.Id].ToArray())).ToList();
    }
}
