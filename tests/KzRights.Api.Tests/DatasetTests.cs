using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using KzRights.Api.Tests.Releases;
using KzRights.Data;
using KzRights.Data.Datasets;
using KzRights.Data.Ingest;
using KzRights.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Parquet;

namespace KzRights.Api.Tests;

/// <summary>A release's dataset: every table as CSV, Parquet and NDJSON with the same rows, a Frictionless
/// datapackage.json, a zip of them all, and downloads with ETag, Content-Length and Range.</summary>
[Collection(ApiCollection.Name)]
public sealed class DatasetTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_published_dataset_lists_every_table_in_three_formats_with_sizes_hashes_and_row_counts(string provider)
    {
        var (client, release) = await PublishedAsync(provider);
        var dataset = await client.GetJsonAsync($"/v1/releases/{release}/dataset");
        var files = dataset.GetProperty("files").EnumerateArray().ToList();
        foreach (var table in Tables.Dataset)
        {
            foreach (var extension in new[] { "csv", "parquet", "ndjson" })
            {
                var file = Assert.Single(files, f => f.GetProperty("name").GetString() == $"{table.Name}.{extension}");
                var bytes = await client.GetByteArrayAsync(file.GetProperty("url").GetString());
                Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.Length);
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }

        Assert.Contains(files, f => f.GetProperty("name").GetString() == "datapackage.json");
        Assert.Contains(files, f => f.GetProperty("name").GetString() == "dataset.zip");
        var indicators = files.Single(f => f.GetProperty("name").GetString() == "indicators.csv").GetProperty("rows").GetInt64();
        Assert.Equal((await client.GetJsonAsync("/v1/indicators?limit=1")).GetProperty("total").GetInt32(), indicators);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_csv_parquet_and_ndjson_of_each_table_hold_the_same_rows_and_every_foreign_key_resolves(string provider)
    {
        var (client, release) = await PublishedAsync(provider);
        var tables = new Dictionary<string, (List<string> Header, List<string?[]> Rows)>(StringComparer.Ordinal);
        foreach (var table in Tables.Dataset)
        {
            var csv = TableAnswerTests.ParseCsv(await client.GetStringAsync($"/v1/releases/{release}/dataset/{table.Name}.csv"));
            Assert.Equal(table.Columns.Select(c => c.Name), csv.Header);
            tables[table.Name] = csv;

            await using var parquetStream = new MemoryStream(await client.GetByteArrayAsync($"/v1/releases/{release}/dataset/{table.Name}.parquet"));
            await using var parquet = await ParquetReader.CreateAsync(parquetStream);
            var fields = parquet.Schema.GetDataFields();
            Assert.Equal(table.Columns.Select(c => c.Name), fields.Select(f => f.Name));
            var columns = new List<string?[]>();
            for (var g = 0; g < parquet.RowGroupCount; g++)
            {
                using var group = parquet.OpenRowGroupReader(g);
                var read = new List<Array>();
                for (var c = 0; c < fields.Length; c++)
                {
                    read.Add(await ReadColumnAsync(group, fields[c], table.Columns[c].Type, (int)group.RowCount));
                }

                for (var r = 0; r < group.RowCount; r++)
                {
                    columns.Add(read.Select(a => TableCell.ToText(a.GetValue(r))).ToArray());
                }
            }

            Assert.Equal(csv.Rows.Count, columns.Count);
            for (var r = 0; r < csv.Rows.Count; r++)
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Assert.True(SameValue(table.Columns[c].Type, csv.Rows[r][c], columns[r][c]),
                        $"{table.Name} row {r} {table.Columns[c].Name}: {csv.Rows[r][c]} vs {columns[r][c]}");
                }
            }

            var ndjson = (await client.GetStringAsync($"/v1/releases/{release}/dataset/{table.Name}.ndjson"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(csv.Rows.Count, ndjson.Length);
            Assert.Equal(csv.Rows.Select(r => r[0]), ndjson.Select(l => JsonDocument.Parse(l).RootElement.GetProperty(table.Columns[0].Name).ToString()));
        }

        foreach (var table in Tables.Dataset)
        {
            var (header, rows) = tables[table.Name];
            var keys = table.PrimaryKey.Select(k => header.IndexOf(k)).ToArray();
            Assert.Equal(rows.Count, rows.Select(r => string.Join('\u0001', keys.Select(k => r[k]))).Distinct(StringComparer.Ordinal).Count());
            foreach (var fk in table.ForeignKeys)
            {
                var target = tables[fk.Table];
                var known = target.Rows.Select(r => r[target.Header.IndexOf(DatasetWriter.ReferencedColumn(fk))]).ToHashSet(StringComparer.Ordinal);
                var column = header.IndexOf(fk.Column);
                var missing = rows.Select(r => r[column]).Where(v => v is not null && !known.Contains(v)).Distinct().ToList();
                Assert.True(missing.Count == 0, $"{table.Name}.{fk.Column} → {fk.Table}: {string.Join(", ", missing.Take(5))}");
            }
        }
    }

    [Fact]
    public async Task The_datapackage_describes_fields_keys_licence_release_and_sources_and_the_zip_holds_every_file()
    {
        var (client, release) = await PublishedAsync("sqlite");
        var package = await client.GetJsonAsync($"/v1/releases/{release}/dataset/datapackage.json");
        Assert.Equal(release, package.GetProperty("version").GetString());
        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.Equal(release, package.GetProperty("kzrights:release").GetProperty("id").GetString());
        var sources = package.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal((await client.GetJsonAsync("/v1/documents")).GetProperty("total").GetInt32(), sources.Count);
        Assert.All(sources, s => Assert.Matches("^sha256:[0-9a-f]{64}$", s.GetProperty("hash").GetString()!));
        var indicators = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "indicators");
        var schema = indicators.GetProperty("schema");
        Assert.Equal("indicator_id", schema.GetProperty("primaryKey")[0].GetString());
        var fields = schema.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("number", fields["value"]);
        Assert.Equal("date", fields["period_start"]);
        Assert.Contains(schema.GetProperty("foreignKeys").EnumerateArray(), k => k.GetProperty("fields").GetString() == "paragraph_id"
            && k.GetProperty("reference").GetProperty("resource").GetString() == "paragraphs");

        var listed = (await client.GetJsonAsync($"/v1/releases/{release}/dataset")).GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()!).Where(n => n != DatasetWriter.ZipName).Order(StringComparer.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync($"/v1/releases/{release}/dataset/dataset.zip")));
        Assert.Equal(listed, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dataset_files_download_with_etag_content_length_and_ranges()
    {
        var (client, release) = await PublishedAsync("sqlite");
        var url = $"/v1/releases/{release}/dataset/dataset.zip";
        using var whole = await client.GetAsync(url);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, whole.Content.Headers.ContentLength);
        Assert.Equal("application/zip", whole.Content.Headers.ContentType?.MediaType);
        var etag = whole.Headers.ETag!;
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", etag.Tag);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.True(whole.Headers.CacheControl?.Public);
        Assert.Contains("immutable", whole.Headers.CacheControl!.Extensions.Select(e => e.Name));

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url);
        rangeRequest.Headers.Range = new RangeHeaderValue(100, 199);
        using var range = await client.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(bytes[100..200], await range.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A resumed download: the rest of the file, if it is still the same one.
        using var resume = new HttpRequestMessage(HttpMethod.Get, url);
        resume.Headers.Range = new RangeHeaderValue(1000, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(etag);
        using var rest = await client.SendAsync(resume);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal(bytes[1000..], await rest.Content.ReadAsByteArrayAsync());

        await client.GetJsonAsync($"/v1/releases/{release}/dataset/no-such-file.csv", 404);
        await client.GetJsonAsync("/v1/releases/no-such-release/dataset", 404);
    }

    [Fact]
    public async Task A_range_beyond_the_end_of_a_dataset_file_is_a_416_problem_with_the_length_of_the_file_and_never_cached()
    {
        var (client, release) = await PublishedAsync("sqlite");
        var length = (await client.GetByteArrayAsync($"/v1/releases/{release}/dataset/indicators.csv")).Length;
        foreach (var releaseId in new[] { release, "latest" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/releases/{releaseId}/dataset/indicators.csv");
            request.Headers.Range = new RangeHeaderValue(length, null);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("RANGE_NOT_SATISFIABLE", problem.GetProperty("code").GetString());
            Assert.Contains($"{length} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange?.ToString());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Null(response.Content.Headers.ContentDisposition);
        }

        using var missing = await client.GetAsync($"/v1/releases/{release}/dataset/no-such-file.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("no-store", missing.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Entities_and_their_mentions_are_tables_of_the_dataset_with_the_api_totals(string provider)
    {
        var (client, release) = await PublishedAsync(provider);
        var files = (await client.GetJsonAsync($"/v1/releases/{release}/dataset")).GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f);
        var entities = TableAnswerTests.ParseCsv(await client.GetStringAsync($"/v1/releases/{release}/dataset/entities.csv"));
        Assert.Equal((await client.GetJsonAsync("/v1/entities?limit=1")).GetProperty("total").GetInt32(), entities.Rows.Count);
        Assert.Equal(entities.Rows.Count, files["entities.parquet"].GetProperty("rows").GetInt64());

        // One entity read through its route: its mentions are its rows of entity_mentions, quotes included.
        var id = entities.Rows[0][0]!;
        var served = await client.GetJsonAsync($"/v1/entities/{id}");
        var mentions = TableAnswerTests.ParseCsv(await client.GetStringAsync($"/v1/releases/{release}/dataset/entity_mentions.csv"));
        var entityColumn = mentions.Header.IndexOf("entity_id");
        var quoteColumn = mentions.Header.IndexOf("quote");
        Assert.Equal(
            served.GetProperty("mentions").EnumerateArray().Select(m => (m.GetProperty("id").GetString(), m.GetProperty("quote").GetString())),
            mentions.Rows.Where(r => r[entityColumn] == id).Select(r => (r[0], r[quoteColumn])));
        var mentionCount = int.Parse(entities.Rows[0][entities.Header.IndexOf("mention_count")]!, CultureInfo.InvariantCulture);
        Assert.Equal(served.GetProperty("mentionCount").GetInt32(), mentionCount);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_release_or_file_is_a_404_problem_with_a_code(string provider)
    {
        var (client, release) = await PublishedAsync(provider);
        foreach (var url in new[]
        {
            "/v1/releases/2000.01.01-00000000/dataset", "/v1/releases/2000.01.01-00000000/dataset/documents.csv",
            $"/v1/releases/{release}/dataset/no-such-file.csv", $"/v1/releases/{release}/dataset/manifest.json",
            $"/v1/releases/{release}/dataset/..%2F..%2Fkzrights.db",
        })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("NOT_FOUND", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task The_latest_alias_lists_the_newest_release_dataset_and_a_rebuild_reproduces_every_file_byte_for_byte()
    {
        var factory = api.Factory("sqlite");
        var (client, release) = await PublishedAsync("sqlite");
        var latest = await client.GetJsonAsync("/v1/releases/latest/dataset");
        Assert.Equal(release, latest.GetProperty("releaseId").GetString());
        Assert.All(latest.GetProperty("files").EnumerateArray(), f => Assert.StartsWith($"/v1/releases/{release}/dataset/", f.GetProperty("url").GetString()));
        var hashes = latest.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString());

        await using var scope = factory.Services.CreateAsyncScope();
        var rebuilt = await scope.ServiceProvider.GetRequiredService<DatasetStore>()
            .RebuildLatestAsync(scope.ServiceProvider.GetRequiredService<KzRightsDbContext>(), CancellationToken.None);
        Assert.NotNull(rebuilt);
        Assert.Equal(hashes, rebuilt.Files.ToDictionary(f => f.Name, f => (string?)f.Sha256));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_dataset_of_an_earlier_release_stays_downloadable_with_the_data_it_was_published_with(string provider)
    {
        // The first release lacks one document; the second, ingested from the full corpus, has it.
        using var corpus = new CorpusCopy();
        corpus.WriteManifestWithout("moj-annual-review-2022");
        await using var factory = new ApiFactory(provider, settings: new Dictionary<string, string?> { ["Corpus:Directory"] = corpus.Folder });
        var client = factory.CreateClient();
        var first = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        var firstDocuments = await client.GetStringAsync($"/v1/releases/{first}/dataset/documents.csv");

        await File.WriteAllTextAsync(corpus.ManifestPath, corpus.FullManifest);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus.Folder)).Release);
        }

        var second = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(firstDocuments, await client.GetStringAsync($"/v1/releases/{first}/dataset/documents.csv"));
        Assert.DoesNotContain("moj-annual-review-2022", firstDocuments, StringComparison.Ordinal);
        var secondDocuments = TableAnswerTests.ParseCsv(await client.GetStringAsync($"/v1/releases/{second}/dataset/documents.csv"));
        Assert.Contains(secondDocuments.Rows, r => r[0] == "moj-annual-review-2022");
        Assert.Equal((await client.GetJsonAsync("/v1/documents")).GetProperty("total").GetInt32(), secondDocuments.Rows.Count);
    }

    /// <summary>A Parquet column read with the CLR type its table column declares (the writer's type mapping).</summary>
    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, Parquet.Schema.DataField field, ColumnType type, int rows)
    {
        switch (type)
        {
            case ColumnType.String:
                var text = new string?[rows];
                await group.ReadAsync(field, text.AsMemory(), null, CancellationToken.None);
                return text;
            case ColumnType.Integer:
                return await ReadAsync<int>(group, field, rows);
            case ColumnType.Decimal:
                return await ReadAsync<decimal>(group, field, rows);
            case ColumnType.Double:
                return await ReadAsync<double>(group, field, rows);
            case ColumnType.Boolean:
                return await ReadAsync<bool>(group, field, rows);
            default:
                // Parquet.Net reads the DATE logical type as DateTime unless told otherwise.
                return (await ReadAsync<DateTime>(group, field, rows)).Select(d => d is { } day ? DateOnly.FromDateTime(day) : (DateOnly?)null).ToArray();
        }
    }

    private static async Task<T?[]> ReadAsync<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory(), null, CancellationToken.None);
        return values;
    }

    private static bool SameValue(ColumnType type, string? csv, string? parquet) => type switch
    {
        ColumnType.Decimal or ColumnType.Double => csv is null ? parquet is null
            : parquet is not null && decimal.Parse(csv, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
                == decimal.Parse(parquet, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
        _ => csv == parquet,
    };

    private async Task<(HttpClient Client, string Release)> PublishedAsync(string provider)
    {
        // The ingest on start published the release, and the release wrote its dataset.
        var client = api.Factory(provider).CreateClient();
        return (client, (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString()!);
    }
}
