using KzRights.Data.Entities;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class SeriesQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    public async Task<Page<SeriesDto>> ListAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(document, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<SeriesDto>> ListPageAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        await Keyset.PageAsync(await FilteredAsync(document, ct), Scope(document), cursor, limit, rows => Task.FromResult(rows.Select(ToDto).ToList()), ct,
            include: q => q.Include(s => s.Points), release: release);

    /// <summary>The points of the series the filter selects as a table, a row per point (CSV/NDJSON answers); pages
    /// count series, like the JSON list, and hold all their points.</summary>
    public async Task<TableQuery> PointsTableAsync(string? document, CancellationToken ct)
    {
        var table = Tables.Tables.SeriesPoints;
        var filtered = await FilteredAsync(document, ct);
        return new TableQuery(db, table, filtered.CountAsync, ct => TableQuery.Cells(
            table,
            Tables.Tables.SeriesPointRows(db, filtered),
            ct), async (limit, cursor, ct) =>
        {
            var page = (await Keyset.PageAsync(filtered, Scope(document), cursor, limit, Task.FromResult, ct, include: q => q.Include(s => s.Points))).Page;
            var rows = page.Items.SelectMany(s => s.Points.OrderBy(p => p.Ordinal).Select(p => table.Cells(new SeriesPointRow(s, p)))).ToArray();
            return new TablePage(rows, page.NextCursor, page.Total);
        });
    }

    private static string Scope(string? document) => $"series\n{document}";

    private async Task<IQueryable<SeriesEntity>> FilteredAsync(string? document, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, document, ct);
        return document is null ? db.Series.Untracked() : db.Series.Untracked().Where(s => s.DocumentId == document);
    }

    public async Task<SeriesDto?> GetAsync(string key, CancellationToken ct) =>
        (await GetManyAsync([key], ct)).GetValueOrDefault(key);

    /// <summary>One series as REST answers it (its stored JSON), or null for an unknown key.</summary>
    public Task<ReadModel.Served<SeriesDto>?> GetServedAsync(string key, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Series, key, () => GetAsync(key, ct), ct);

    public async Task<IReadOnlyDictionary<string, SeriesDto>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        if (await ReadModel.StoredHydration.TryLoadAllAsync<SeriesDto>(db, release, Releases.RecordTypes.Series, keys, ct) is { } stored)
        {
            return stored;
        }

        return (await db.Series.Untracked().Where(s => keys.Contains(s.Key)).Include(s => s.Points).ToListAsync(ct))
            .ToDictionary(s => s.Key, ToDto, StringComparer.Ordinal);
    }

    private static SeriesDto ToDto(SeriesEntity s) =>
        new(s.Key, s.DocumentId, s.ParagraphId, s.Subject, s.Unit, s.Kind,
            s.Points.OrderBy(p => p.Ordinal)
                .Select(p => new SeriesPointDto(new PeriodDto(p.PeriodLabel, p.PeriodStart, p.PeriodEnd), p.Value, p.Scale, p.IndicatorId))
                .ToArray());
}
