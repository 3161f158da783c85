using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Tables;

/// <summary>The type of a table column. Each maps to one Frictionless field type, one Parquet physical type and one
/// textual form in CSV (<see cref="TableCell.ToText"/>).</summary>
public enum ColumnType
{
    /// <summary>UTF-8 text.</summary>
    String,

    /// <summary>A whole number (32-bit).</summary>
    Integer,

    /// <summary>An exact decimal number as printed in the source (values of indicators and quotas).</summary>
    Decimal,

    /// <summary>A floating-point number (confidences, search scores).</summary>
    Double,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An ISO 8601 calendar date (<c>yyyy-MM-dd</c>).</summary>
    Date,
}

/// <summary>One column: snake_case name, type and what it means.</summary>
public sealed record TableColumn(string Name, ColumnType Type, string Description);

/// <summary>A column whose values are ids of another table's primary key.</summary>
public sealed record TableForeignKey(string Column, string Table, string ReferencedColumn);

/// <summary>A tidy table: one row per record, scalar cells only, primary key first. The same definition shapes the
/// CSV/NDJSON answers of the list routes and every file of a release's dataset, so the two never disagree.</summary>
public abstract class TableDefinition
{
    protected TableDefinition(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>snake_case, plural: also the file name in a dataset.</summary>
    public string Name { get; }

    public string Description { get; }

    public abstract IReadOnlyList<TableColumn> Columns { get; }

    public abstract IReadOnlyList<string> PrimaryKey { get; }

    public abstract IReadOnlyList<TableForeignKey> ForeignKeys { get; }

    /// <summary>Every row of the table in a stable order, streamed from the database (read it inside
    /// <see cref="StreamingReads"/>, or a retrying provider reads the whole table first).</summary>
    public abstract IAsyncEnumerable<object?[]> ReadAllAsync(KzRightsDbContext db, CancellationToken ct);
}

/// <summary>A table whose rows come from <typeparamref name="TRow"/> values; build one with <see cref="Column"/> calls
/// in the order the columns are written.</summary>
public sealed class TableDefinition<TRow> : TableDefinition
    where TRow : class
{
    private readonly List<TableColumn> _columns = [];
    private readonly List<Func<TRow, object?>> _cells = [];
    private readonly List<string> _primaryKey = [];
    private readonly List<TableForeignKey> _foreignKeys = [];
    private readonly Func<KzRightsDbContext, IQueryable<TRow>> _all;

    public TableDefinition(string name, string description, Func<KzRightsDbContext, IQueryable<TRow>> all)
        : base(name, description)
    {
        _all = all;
    }

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override IReadOnlyList<string> PrimaryKey => _primaryKey;

    public override IReadOnlyList<TableForeignKey> ForeignKeys => _foreignKeys;

    /// <summary>A primary-key column (they come first, in key order).</summary>
    public TableDefinition<TRow> Key<TValue>(string name, Func<TRow, TValue> cell, string description, string? references = null)
    {
        if (_columns.Count != _primaryKey.Count)
        {
            throw new InvalidOperationException($"{Name}: primary key columns must come first");
        }

        _primaryKey.Add(name);
        return Column(name, cell, description, references);
    }

    /// <summary>A column; <paramref name="references"/> names the table whose primary key its values are
    /// (<c>table</c> or <c>table.column</c>, the column defaulting to that table's single key).</summary>
    public TableDefinition<TRow> Column<TValue>(string name, Func<TRow, TValue> cell, string description, string? references = null)
    {
        _columns.Add(new TableColumn(name, TypeOf(typeof(TValue)), description));
        _cells.Add(row => cell(row));
        if (references is not null)
        {
            var parts = references.Split('.', 2);
            _foreignKeys.Add(new TableForeignKey(name, parts[0], parts.Length == 2 ? parts[1] : string.Empty));
        }

        return this;
    }

    /// <summary>The cells of one row, in column order. Empty text is null: CSV cannot tell the two apart, and the
    /// formats of one table must hold the same values.</summary>
    public object?[] Cells(TRow row)
    {
        var cells = new object?[_cells.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = _cells[i](row);
            cells[i] = cell is "" ? null : cell;
        }

        return cells;
    }

    public override async IAsyncEnumerable<object?[]> ReadAllAsync(
        KzRightsDbContext db,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in _all(db).AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Cells(row);
        }
    }

    private static ColumnType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => ColumnType.String,
        var t when t == typeof(int) => ColumnType.Integer,
        var t when t == typeof(decimal) => ColumnType.Decimal,
        var t when t == typeof(double) => ColumnType.Double,
        var t when t == typeof(bool) => ColumnType.Boolean,
        var t when t == typeof(DateOnly) => ColumnType.Date,
        var t => throw new InvalidOperationException($"No table column type for {t.Name}"),
    };
}

/// <summary>How cells are written as text (CSV) — one place, so every table and route agrees: ISO 8601 dates,
/// invariant-culture numbers, lower-case booleans, null as an empty field.</summary>
public static class TableCell
{
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A one-to-one list (populations, languages) as one cell: values joined by <c>;</c>.</summary>
    public static string Join(IEnumerable<string> values) => string.Join(';', values);
}
