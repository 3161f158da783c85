using System.Runtime.CompilerServices;
using KzRights.Data.Entities;
using KzRights.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Tables;

/// <summary>One page of a table's rows: <see cref="NextCursor"/> and <see cref="Total"/> are those of the JSON list
/// with the same filters (cursors work in both).</summary>
public sealed record TablePage(IReadOnlyList<object?[]> Rows, string? NextCursor, int Total);

/// <summary>The rows of a table that one list request asks for: every one of them streamed from the database in the
/// list's order (memory stays flat however many), or one keyset page like the JSON list.</summary>
public sealed class TableQuery
{
    private readonly KzRightsDbContext _db;
    private readonly Func<CancellationToken, IAsyncEnumerable<object?[]>> _stream;
    private readonly Func<int, string?, CancellationToken, Task<TablePage>> _page;
    private readonly Func<CancellationToken, Task<int>> _count;

    public TableQuery(
        KzRightsDbContext db,
        TableDefinition table,
        Func<CancellationToken, Task<int>> count,
        Func<CancellationToken, IAsyncEnumerable<object?[]>> stream,
        Func<int, string?, CancellationToken, Task<TablePage>> page)
    {
        _db = db;
        Table = table;
        _count = count;
        _stream = stream;
        _page = page;
    }

    public TableDefinition Table { get; }

    /// <summary>How many records the JSON list would report as <c>total</c>.</summary>
    public Task<int> CountAsync(CancellationToken ct) => _count(ct);

    /// <summary>Hands every row to <paramref name="consume"/> as the database sends it (<see cref="StreamingReads"/>:
    /// never the whole result read first, whatever the provider's execution strategy).</summary>
    public Task<T> StreamAsync<T>(Func<IAsyncEnumerable<object?[]>, Task<T>> consume, CancellationToken ct) =>
        StreamingReads.RunAsync(_db, () => consume(_stream(ct)));

    /// <summary>Throws <see cref="InvalidCursorException"/> for a cursor of another list.</summary>
    public Task<TablePage> PageAsync(int limit, string? cursor, CancellationToken ct) => _page(limit, cursor, ct);

    /// <summary>Rows ordered and paged by their sort key, one table row per stored row.</summary>
    internal static TableQuery ByKeyset<TRow>(KzRightsDbContext db, TableDefinition<TRow> table, IQueryable<TRow> filtered, string scope)
        where TRow : class, IKeysetRow =>
        new(db, table, filtered.CountAsync, ct => Cells(table, filtered.OrderBy(r => r.SortKey), ct), async (limit, cursor, ct) =>
        {
            var page = (await Keyset.PageAsync(filtered, scope, cursor, limit, Task.FromResult, ct)).Page;
            return new TablePage(page.Items.Select(table.Cells).ToArray(), page.NextCursor, page.Total);
        });

    /// <summary>Rows ordered and paged by position (documents, themes).</summary>
    internal static TableQuery ByOrdinal<TRow>(KzRightsDbContext db, TableDefinition<TRow> table, IQueryable<TRow> filtered, string scope)
        where TRow : class, IOrdinalRow =>
        new(db, table, filtered.CountAsync, ct => Cells(table, filtered.OrderBy(r => r.Ordinal), ct), async (limit, cursor, ct) =>
        {
            var page = (await Keyset.PageByOrdinalAsync(filtered, scope, cursor, limit, Task.FromResult, ct)).Page;
            return new TablePage(page.Items.Select(table.Cells).ToArray(), page.NextCursor, page.Total);
        });

    internal static async IAsyncEnumerable<object?[]> Cells<TRow>(
        TableDefinition<TRow> table,
        IQueryable<TRow> ordered,
        [EnumeratorCancellation] CancellationToken ct)
        where TRow : class
    {
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return table.Cells(row);
        }
    }
}
