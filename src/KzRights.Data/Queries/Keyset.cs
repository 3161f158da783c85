using System.Globalization;
using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>The keyset page every list shares: total of the filtered query, rows after the cursor's sort key in
/// sort-key order, one extra row to learn whether a next page exists, and a cursor per returned item.</summary>
internal static class Keyset
{
    public static async Task<CursorPage<TDto>> PageAsync<TRow, TDto>(
        IQueryable<TRow> filtered,
        string scope,
        string? cursor,
        int limit,
        Func<List<TRow>, Task<List<TDto>>> project,
        CancellationToken ct,
        Func<IQueryable<TRow>, IQueryable<TRow>>? include = null,
        Releases.ReleaseContext? release = null)
        where TRow : class, IKeysetRow
    {
        var page = After(filtered, scope, cursor, limit);
        var total = await TotalAsync(filtered, scope, release, ct);
        var rows = await (include is null ? page : include(page)).ToListAsync(ct);
        var dtos = await project(rows);
        return Paging.Slice(dtos, rows.Select(r => r.SortKey).ToList(), limit, total, scope);
    }

    /// <summary>The rows after the cursor's sort key in sort-key order, one more than <paramref name="limit"/> (to learn
    /// whether a next page exists); throws <see cref="InvalidCursorException"/> for a cursor of another list.</summary>
    public static IQueryable<TRow> After<TRow>(IQueryable<TRow> filtered, string scope, string? cursor, int limit)
        where TRow : class, IKeysetRow =>
        AfterCursor(filtered, scope, cursor).OrderBy(r => r.SortKey).Take(limit + 1);

    /// <summary>The rows after the cursor's sort key, unordered and unlimited (for a page that orders and limits after a
    /// join); throws <see cref="InvalidCursorException"/> for a cursor of another list.</summary>
    public static IQueryable<TRow> AfterCursor<TRow>(IQueryable<TRow> filtered, string scope, string? cursor)
        where TRow : class, IKeysetRow
    {
        var after = Cursor.Decode(scope, cursor);
        return after is null ? filtered : filtered.Where(r => string.Compare(r.SortKey, after) > 0);
    }

    /// <summary>The same for lists ordered by position; the cursor holds the position of the last item.</summary>
    public static async Task<CursorPage<TDto>> PageByOrdinalAsync<TRow, TDto>(
        IQueryable<TRow> filtered,
        string scope,
        string? cursor,
        int limit,
        Func<List<TRow>, Task<List<TDto>>> project,
        CancellationToken ct,
        Func<IQueryable<TRow>, IQueryable<TRow>>? include = null,
        Releases.ReleaseContext? release = null)
        where TRow : class, IOrdinalRow
    {
        var after = Cursor.Decode(scope, cursor);
        var total = await TotalAsync(filtered, scope, release, ct);
        var page = filtered;
        if (after is not null)
        {
            var ordinal = int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var o)
                ? o
                : throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
            page = page.Where(r => r.Ordinal > ordinal);
        }

        page = page.OrderBy(r => r.Ordinal).Take(limit + 1);
        var rows = await (include is null ? page : include(page)).ToListAsync(ct);
        var dtos = await project(rows);
        return Paging.Slice(dtos, rows.Select(r => r.Ordinal.ToString(CultureInfo.InvariantCulture)).ToList(), limit, total, scope);
    }

    /// <summary>The total of the filtered list: remembered for the request's release where one is kept (see
    /// <see cref="Releases.ListTotals"/>), else counted.</summary>
    public static async Task<int> TotalAsync<TRow>(IQueryable<TRow> filtered, string scope, Releases.ReleaseContext? release, CancellationToken ct) =>
        release is null ? await filtered.CountAsync(ct) : await release.TotalAsync(scope, filtered.CountAsync, ct);
}
