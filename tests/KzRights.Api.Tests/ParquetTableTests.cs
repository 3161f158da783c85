using System.Globalization;
using System.Runtime.CompilerServices;
using KzRights.Data.Tables;
using Parquet;
using Parquet.Schema;

namespace KzRights.Api.Tests;

/// <summary>Parquet files of the tables are encoded on one thread of their own through an in-memory spool (so that the
/// encoder's pooled buffers are reused instead of kept once per pool thread); the bytes must be those Parquet.Net writes
/// straight into a file, over several row groups and whichever thread reads the rows.</summary>
public sealed class ParquetTableTests
{
    private sealed record Row(string Id, string? Text, int? Number, decimal? Value, double? Score, bool? Flag, DateOnly? Day);

    private static readonly TableDefinition<Row> Table =
        new TableDefinition<Row>("rows", "Rows of every column type.", _ => throw new InvalidOperationException("rows are given"))
            .Key("id", r => r.Id, "Id.")
            .Column("text", r => r.Text, "Text, Cyrillic, long, empty or missing.")
            .Column("number", r => r.Number, "A whole number.")
            .Column("value", r => r.Value, "A decimal.")
            .Column("score", r => r.Score, "A double.")
            .Column("flag", r => r.Flag, "A boolean.")
            .Column("day", r => r.Day, "A date.");

    [Fact]
    public async Task A_table_of_several_row_groups_is_written_byte_for_byte_as_parquet_net_writes_it_straight_into_a_file()
    {
        // Two full row groups and a partial one.
        var rows = Rows(2 * TableWriters.ParquetRowGroupSize + 1_234);
        var expected = await DirectAsync(rows);

        using var file = new MemoryStream();
        Assert.Equal(rows.Count, await TableWriters.WriteParquetAsync(file, Table, Cells(rows), CancellationToken.None));
        Assert.Equal(expected, file.ToArray());

        file.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(file);
        Assert.Equal(3, reader.RowGroupCount);
    }

    [Fact]
    public async Task Tables_written_at_the_same_time_each_get_their_own_bytes_and_an_empty_table_is_one_empty_row_group()
    {
        var small = Rows(17);
        var large = Rows(TableWriters.ParquetRowGroupSize + 5);
        var expected = await Task.WhenAll(DirectAsync(small), DirectAsync(large), DirectAsync([]));

        var files = new[] { new MemoryStream(), new MemoryStream(), new MemoryStream() };
        await Task.WhenAll(
            TableWriters.WriteParquetAsync(files[0], Table, Cells(small), CancellationToken.None),
            TableWriters.WriteParquetAsync(files[1], Table, Cells(large), CancellationToken.None),
            TableWriters.WriteParquetAsync(files[2], Table, Cells([]), CancellationToken.None));

        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(expected[i], files[i].ToArray());
        }
    }

    [Fact]
    public async Task A_row_source_that_fails_fails_the_parquet_file_and_the_next_table_is_still_written()
    {
        using var broken = new MemoryStream();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TableWriters.WriteParquetAsync(broken, Table, FailingAfter(Rows(TableWriters.ParquetRowGroupSize + 10)), CancellationToken.None));
        Assert.Equal("the database went away", failure.Message);

        var rows = Rows(100);
        using var file = new MemoryStream();
        Assert.Equal(100, await TableWriters.WriteParquetAsync(file, Table, Cells(rows), CancellationToken.None));
        Assert.Equal(await DirectAsync(rows), file.ToArray());
    }

    private static List<Row> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Row(
            $"doc-{i / 100}/{i}",
            (i % 7) switch
            {
                0 => null,
                1 => string.Empty,
                2 => new string('ж', 3_000 + i % 500),
                _ => string.Create(CultureInfo.InvariantCulture, $"Пункт {i}: права человека, \"кавычки\", запятые; {i * 31 % 977}"),
            },
            i % 5 == 0 ? null : i * 3 - 1_000,
            i % 6 == 0 ? null : (i * 7 % 100_000) / 1_000m,
            i % 4 == 0 ? null : i / 3.0,
            i % 3 == 0 ? null : i % 2 == 0,
            i % 9 == 0 ? null : new DateOnly(2000, 1, 1).AddDays(i % 9_000)))];

    private static async IAsyncEnumerable<object?[]> Cells(IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            // Rows arrive from other threads, as they do from the database.
            if (row.Number % 1_000 == 0)
            {
                await Task.Yield();
            }

            yield return Table.Cells(row);
        }
    }

    private static async IAsyncEnumerable<object?[]> FailingAfter(IEnumerable<Row> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var cells in Cells(rows).WithCancellation(ct))
        {
            yield return cells;
        }

        throw new InvalidOperationException("the database went away");
    }

    /// <summary>The file as Parquet.Net writes it into a seekable stream on the calling thread: what TableWriters wrote
    /// before it encoded on a thread of its own (the same schema, row groups and column arrays).</summary>
    private static async Task<byte[]> DirectAsync(List<Row> rows)
    {
        var cells = rows.Select(Table.Cells).ToList();
        var fields = Table.Columns.Select(c => c.Type switch
        {
            ColumnType.String => new DataField<string>(c.Name, true),
            ColumnType.Integer => new DataField<int?>(c.Name),
            ColumnType.Decimal => new DecimalDataField(c.Name, 18, 6, isNullable: true),
            ColumnType.Double => new DataField<double?>(c.Name),
            ColumnType.Boolean => new DataField<bool?>(c.Name),
            _ => (DataField)new DataField<DateOnly?>(c.Name),
        }).ToArray();
        using var file = new MemoryStream();
        await using (var parquet = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file))
        {
            var groups = cells.Chunk(TableWriters.ParquetRowGroupSize).ToList();
            if (groups.Count == 0)
            {
                groups.Add([]);
            }

            foreach (var group in groups)
            {
                using var writer = parquet.CreateRowGroup();
                await writer.WriteAsync(fields[0], group.Select(r => (string)r[0]!).ToArray());
                await writer.WriteAsync(fields[1], group.Select(r => (string?)r[1]).ToArray());
                await writer.WriteAsync<int>(fields[2], group.Select(r => (int?)r[2]).ToArray());
                await writer.WriteAsync<decimal>(fields[3], group.Select(r => (decimal?)r[3]).ToArray());
                await writer.WriteAsync<double>(fields[4], group.Select(r => (double?)r[4]).ToArray());
                await writer.WriteAsync<bool>(fields[5], group.Select(r => (bool?)r[5]).ToArray());
                await writer.WriteAsync<DateOnly>(fields[6], group.Select(r => (DateOnly?)r[6]).ToArray());
            }
        }

        return file.ToArray();
    }
}
