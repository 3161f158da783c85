using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace KzRights.Data.Tables;

/// <summary>The file formats a table is written in. Every writer streams: rows are written as they arrive, so memory
/// does not grow with the row count (Parquet holds one row group at a time), and nothing writes synchronously, so
/// they can write straight into an HTTP response.</summary>
public static class TableWriters
{
    /// <summary>Rows per Parquet row group: what the Parquet writer holds in memory at once.</summary>
    public const int ParquetRowGroupSize = 10_000;

    private const int FlushBytes = 32 * 1024;

    // CsvHelper 34 over Sep 0.17.1 and Sylvan.Data.Csv: CsvHelper's RFC 4180 writer ends records with CRLF as the RFC
    // specifies (Sep writes LF only) and quotes a field only when it holds a comma, quote, CR or LF. Measured on
    // 500,000 rows × 8 text columns with Russian and quoted fields into Stream.Null (Release, warm, this machine):
    // CsvHelper 155 ms, Sep 464 ms (Sep's per-row async dispose dominates when rows are written one await at a time,
    // which a streamed HTTP answer needs). Cells are turned into text by TableCell.ToText, so number and date forms
    // are ours (invariant culture, ISO 8601) whatever the library's defaults.
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Russian and other non-ASCII text stays readable instead of \u-escaped; the output is data, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>CSV: UTF-8 without a byte-order mark, a header row of the column names, CRLF line ends.</summary>
    public static async Task<long> WriteCsvAsync(Stream destination, TableDefinition table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        long count = 0;
        await using var csv = CsvWriter.Create(destination, CsvOptions, leaveOpen: true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in row)
            {
                csv.WriteField(TableCell.ToText(cell));
            }

            await csv.EndRecordAsync(ct);
            count++;
        }

        await csv.FlushAsync(ct);
        return count;
    }

    /// <summary>NDJSON: one JSON object per line, keys the column names, typed values (numbers, booleans, ISO dates,
    /// null).</summary>
    public static async Task<long> WriteNdjsonAsync(Stream destination, TableDefinition table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        long count = 0;
        var names = table.Columns.Select(c => JsonEncodedText.Encode(c.Name, JsonOptions.Encoder)).ToArray();
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteJsonValue(json, row[i]);
            }

            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset(buffer);
            count++;
            if (buffer.WrittenCount >= FlushBytes)
            {
                await destination.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }

        await destination.WriteAsync(buffer.WrittenMemory, ct);
        return count;
    }

    /// <summary>Parquet with a column type per table column (string, int32, decimal(18,6), double, boolean, date),
    /// every column optional, Snappy-compressed, in row groups of <see cref="ParquetRowGroupSize"/>. Each row group is
    /// encoded on <see cref="ParquetEncoding"/>'s thread into a <see cref="ParquetSpool"/>, then written to
    /// <paramref name="destination"/> from there, so the encoder's pooled buffers stay on one thread.</summary>
    public static async Task<long> WriteParquetAsync(Stream destination, TableDefinition table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var fields = table.Columns.Select(ParquetField).ToArray();
        long count = 0;
        var spool = new ParquetSpool();
        var parquet = await ParquetEncoding.RunAsync(() => ParquetWriter.CreateAsync(new ParquetSchema(fields), spool, cancellationToken: ct));
        try
        {
            await spool.DrainAsync(destination, ct);
            var group = new List<object?[]>(ParquetRowGroupSize);
            await foreach (var row in rows.WithCancellation(ct))
            {
                group.Add(row);
                count++;
                if (group.Count == ParquetRowGroupSize)
                {
                    await ParquetEncoding.RunAsync(() => WriteRowGroupAsync(parquet, fields, table.Columns, group, ct));
                    await spool.DrainAsync(destination, ct);
                    group.Clear();
                }
            }

            if (group.Count > 0 || count == 0)
            {
                await ParquetEncoding.RunAsync(() => WriteRowGroupAsync(parquet, fields, table.Columns, group, ct));
            }
        }
        finally
        {
            // The footer, as `await using` wrote it before (also after a failure, into a file that is then discarded).
            await ParquetEncoding.RunAsync(() => parquet.DisposeAsync().AsTask());
        }

        await spool.DrainAsync(destination, ct);
        return count;
    }

    private static DataField ParquetField(TableColumn column) => column.Type switch
    {
        ColumnType.String => new DataField<string>(column.Name, true),
        ColumnType.Integer => new DataField<int?>(column.Name),
        ColumnType.Decimal => new DecimalDataField(column.Name, 18, 6, isNullable: true),
        ColumnType.Double => new DataField<double?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        ColumnType.Date => new DataField<DateOnly?>(column.Name),
        _ => throw new InvalidOperationException($"No Parquet type for {column.Type}"),
    };

    private static async Task WriteRowGroupAsync(
        ParquetWriter parquet,
        DataField[] fields,
        IReadOnlyList<TableColumn> columns,
        List<object?[]> rows,
        CancellationToken ct)
    {
        using var group = parquet.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var index = c;
            switch (columns[c].Type)
            {
                case ColumnType.String:
                    await group.WriteAsync(fields[c], rows.Select(r => (string)r[index]!).ToArray());
                    break;
                case ColumnType.Integer:
                    await group.WriteAsync<int>(fields[c], rows.Select(r => (int?)r[index]).ToArray(), cancellationToken: ct);
                    break;
                case ColumnType.Decimal:
                    await group.WriteAsync<decimal>(fields[c], rows.Select(r => (decimal?)r[index]).ToArray(), cancellationToken: ct);
                    break;
                case ColumnType.Double:
                    await group.WriteAsync<double>(fields[c], rows.Select(r => (double?)r[index]).ToArray(), cancellationToken: ct);
                    break;
                case ColumnType.Boolean:
                    await group.WriteAsync<bool>(fields[c], rows.Select(r => (bool?)r[index]).ToArray(), cancellationToken: ct);
                    break;
                case ColumnType.Date:
                    await group.WriteAsync<DateOnly>(fields[c], rows.Select(r => (DateOnly?)r[index]).ToArray(), cancellationToken: ct);
                    break;
                default:
                    throw new InvalidOperationException($"No Parquet type for {columns[c].Type}");
            }
        }
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case int i: json.WriteNumberValue(i); break;
            case decimal d: json.WriteNumberValue(d); break;
            case double d: json.WriteNumberValue(d); break;
            case bool b: json.WriteBooleanValue(b); break;
            default: json.WriteStringValue(TableCell.ToText(value)); break;
        }
    }
}
