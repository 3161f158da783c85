using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KzRights.Data.Releases;
using KzRights.Data.Tables;

namespace KzRights.Data.Datasets;

/// <summary>A file of a release's dataset: <see cref="Rows"/> is null for files that are not a table
/// (<c>datapackage.json</c>, <c>dataset.zip</c>).</summary>
public sealed record DatasetFile(string Name, string? Table, string Format, string MediaType, long Bytes, string Sha256, long? Rows);

/// <summary>What <c>GET /v1/releases/{id}/dataset</c> lists; stored beside the files as <c>manifest.json</c>.</summary>
public sealed record DatasetManifest(string ReleaseId, DateTimeOffset CreatedAt, string License, IReadOnlyList<DatasetFile> Files);

/// <summary>Source document of a release, cited in <c>datapackage.json</c> with its SHA-256.</summary>
public sealed record DatasetSource(string Title, string Path, string Sha256);

/// <summary>Writes a release's dataset: every table of <see cref="Tables.Tables.Dataset"/> as CSV, Parquet and NDJSON,
/// a Frictionless Data <c>datapackage.json</c>, and a <c>dataset.zip</c> of them all. Each table is read from the
/// database once and fanned out to the three writers through bounded channels, so memory stays flat however many rows
/// there are and the three files of a table hold the same rows.</summary>
public static class DatasetWriter
{
    public const string ManifestFile = "manifest.json";
    public const string DataPackageFile = "datapackage.json";
    public const string ZipName = "dataset.zip";

    private const int ChannelCapacity = 1024;

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public const string DataPackageMediaType = "application/json";
    public const string ZipMediaType = "application/zip";

    private static readonly (string Format, string Extension, string MediaType)[] Formats =
    [
        ("csv", "csv", "text/csv"),
        ("parquet", "parquet", "application/vnd.apache.parquet"),
        ("ndjson", "ndjson", "application/x-ndjson"),
    ];

    /// <summary>Every media type a dataset file is served with.</summary>
    public static IReadOnlyList<string> MediaTypes => [.. Formats.Select(f => f.MediaType), DataPackageMediaType, ZipMediaType];

    /// <summary>Writes the dataset into <paramref name="directory"/> (created; a previous one is replaced only once
    /// the new one is complete) and returns its manifest. <paramref name="db"/> should read one consistent state.</summary>
    public static async Task<DatasetManifest> WriteAsync(
        KzRightsDbContext db, ReleaseDto release, string directory, IReadOnlyList<DatasetSource> sources, CancellationToken ct)
    {
        var createdAt = release.PublishedAt;
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(directory)}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var files = new List<DatasetFile>();
            foreach (var table in Tables.Tables.Dataset)
            {
                files.AddRange(await WriteTableAsync(db, table, staging, ct));
            }

            await File.WriteAllTextAsync(Path.Combine(staging, DataPackageFile), DataPackage(release, sources, files).ToJsonString(ManifestJson), ct);
            files.Add(await DescribeAsync(staging, DataPackageFile, null, "json", DataPackageMediaType, null, ct));
            WriteZip(staging, files.Select(f => f.Name), createdAt);
            files.Add(await DescribeAsync(staging, ZipName, null, "zip", ZipMediaType, null, ct));

            var manifest = new DatasetManifest(release.Id, createdAt, release.License.Id, files);
            await File.WriteAllTextAsync(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson), ct);
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.Move(staging, directory);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The manifest of a written dataset, or null when <paramref name="directory"/> holds none.</summary>
    public static async Task<DatasetManifest?> ReadManifestAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DatasetManifest>(stream, ManifestJson, ct);
    }

    private static async Task<IReadOnlyList<DatasetFile>> WriteTableAsync(KzRightsDbContext db, TableDefinition table, string directory, CancellationToken ct)
    {
        var channels = Formats
            .Select(_ => Channel.CreateBounded<object?[]>(new BoundedChannelOptions(ChannelCapacity) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var writers = Formats.Select((format, i) => WriteFormatAsync(format.Format, Path.Combine(directory, $"{table.Name}.{format.Extension}"), table,
            channels[i].Reader.ReadAllAsync(ct), ct)).ToArray();
        try
        {
            await StreamingReads.RunAsync(db, async () =>
            {
                await foreach (var row in table.ReadAllAsync(db, ct))
                {
                    foreach (var channel in channels)
                    {
                        await channel.Writer.WriteAsync(row, ct);
                    }
                }

                return true;
            });

            foreach (var channel in channels)
            {
                channel.Writer.Complete();
            }
        }
        catch (Exception ex)
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryComplete(ex);
            }

            throw;
        }

        var rows = await Task.WhenAll(writers);
        var files = new List<DatasetFile>();
        for (var i = 0; i < Formats.Length; i++)
        {
            files.Add(await DescribeAsync(directory, $"{table.Name}.{Formats[i].Extension}", table.Name, Formats[i].Format, Formats[i].MediaType, rows[i], ct));
        }

        return files;
    }

    private static async Task<long> WriteFormatAsync(string format, string path, TableDefinition table, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        return format switch
        {
            "csv" => await TableWriters.WriteCsvAsync(file, table, rows, ct),
            "parquet" => await TableWriters.WriteParquetAsync(file, table, rows, ct),
            _ => await TableWriters.WriteNdjsonAsync(file, table, rows, ct),
        };
    }

    private static async Task<DatasetFile> DescribeAsync(
        string directory, string name, string? table, string format, string mediaType, long? rows, CancellationToken ct)
    {
        var path = Path.Combine(directory, name);
        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return new DatasetFile(name, table, format, mediaType, stream.Length, hash, rows);
    }

    private static void WriteZip(string directory, IEnumerable<string> names, DateTimeOffset createdAt)
    {
        using var zip = ZipFile.Open(Path.Combine(directory, ZipName), ZipArchiveMode.Create);
        foreach (var name in names)
        {
            // Entries carry the release's time, not the clock's, so the zip of a release is the same wherever it is written.
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = createdAt;
            using var source = File.OpenRead(Path.Combine(directory, name));
            using var target = entry.Open();
            source.CopyTo(target);
        }
    }

    /// <summary>Frictionless Data Package (v1 spec, tabular): a resource per file with its hash and size; table files
    /// carry the table's schema (field types and descriptions, primary key, foreign keys).</summary>
    private static JsonObject DataPackage(ReleaseDto release, IReadOnlyList<DatasetSource> sources, IReadOnlyList<DatasetFile> files)
    {
        var tables = Tables.Tables.Dataset.ToDictionary(t => t.Name, StringComparer.Ordinal);
        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "kzrights",
            ["id"] = $"kzrights-{release.Id}",
            ["title"] = "KzRights: human-rights documents about Kazakhstan as tidy tables",
            ["description"] = "Paragraphs, recommendations, responses, indicators, facts, series, quotas, themes and entities read from UN and government " +
                "documents about Kazakhstan. Ids are stable across releases (document slug + printed locator).",
            ["version"] = release.Id,
            ["created"] = release.PublishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = release.License.Id,
                ["path"] = release.License.Url,
                ["title"] = release.License.Name,
            }),
            // Frictionless allows properties of one's own; these tie the files to the release they reproduce.
            ["kzrights:release"] = new JsonObject
            {
                ["id"] = release.Id,
                ["publishedAt"] = release.PublishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["contentSha256"] = release.ContentSha256,
                ["manifestSha256"] = release.ManifestSha256,
                ["parserVersion"] = release.ParserVersion,
                ["self"] = release.Links.Self,
            },
            ["sources"] = new JsonArray(sources.Select(s => (JsonNode)new JsonObject
            {
                ["title"] = s.Title,
                ["path"] = s.Path,
                ["hash"] = $"sha256:{s.Sha256}",
            }).ToArray()),
            ["resources"] = new JsonArray(files.Select(f => (JsonNode)Resource(f, tables[f.Table!])).ToArray()),
        };
    }

    private static JsonObject Resource(DatasetFile file, TableDefinition table)
    {
        var resource = new JsonObject
        {
            ["name"] = file.Format == "csv" ? table.Name : $"{table.Name}-{file.Format}",
            ["path"] = file.Name,
            ["title"] = table.Description,
            ["format"] = file.Format,
            ["mediatype"] = file.MediaType,
            ["encoding"] = "utf-8",
            ["bytes"] = file.Bytes,
            ["hash"] = $"sha256:{file.Sha256}",
        };
        if (file.Format == "csv")
        {
            resource["profile"] = "tabular-data-resource";
            resource["dialect"] = new JsonObject
            {
                ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["quoteChar"] = "\"", ["doubleQuote"] = true, ["header"] = true,
            };
        }

        resource["schema"] = new JsonObject
        {
            ["fields"] = new JsonArray(table.Columns.Select(c => (JsonNode)Field(c, table.PrimaryKey.Contains(c.Name))).ToArray()),
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray(table.PrimaryKey.Select(k => (JsonNode)k).ToArray()),
            ["foreignKeys"] = new JsonArray(table.ForeignKeys.Select(fk => (JsonNode)new JsonObject
            {
                ["fields"] = fk.Column,
                ["reference"] = new JsonObject
                {
                    // Frictionless names the resource; an empty resource means the table itself.
                    ["resource"] = fk.Table == table.Name ? string.Empty : fk.Table,
                    ["fields"] = ReferencedColumn(fk),
                },
            }).ToArray()),
        };
        return resource;
    }

    /// <summary>The referenced column: given, or the referenced table's single primary-key column.</summary>
    public static string ReferencedColumn(TableForeignKey fk) =>
        fk.ReferencedColumn.Length > 0 ? fk.ReferencedColumn : Tables.Tables.Dataset.Single(t => t.Name == fk.Table).PrimaryKey.Single();

    private static JsonObject Field(TableColumn column, bool key)
    {
        var field = new JsonObject
        {
            ["name"] = column.Name,
            ["type"] = column.Type switch
            {
                ColumnType.Integer => "integer",
                ColumnType.Decimal or ColumnType.Double => "number",
                ColumnType.Boolean => "boolean",
                ColumnType.Date => "date",
                _ => "string",
            },
            ["description"] = column.Description,
        };
        if (column.Type == ColumnType.Boolean)
        {
            field["trueValues"] = new JsonArray("true");
            field["falseValues"] = new JsonArray("false");
        }

        if (key)
        {
            field["constraints"] = new JsonObject { ["required"] = true };
        }

        return field;
    }
}
