using System.Text.Json;
using CsvHelper;
using KzRights.Data.Tables;

namespace KzRights.Api.Tests;

/// <summary>CSV and NDJSON answers of the list routes: the table's columns, every matching row, the same filters and
/// pages as JSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class TableAnswerTests(ApiFixture api)
{
    /// <summary>List routes (with filters) and the table each answers; series answer a row per point.</summary>
    public static TheoryData<string, string, string> Routes
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            var routes = new (string Url, string Table)[]
            {
                ("/v1/documents", "documents"),
                ("/v1/documents/ccpr-c-kaz-co-3/paragraphs", "paragraphs"),
                ("/v1/paragraphs?lang=ru", "paragraphs"),
                ("/v1/recommendations?mechanism=upr", "recommendations"),
                ("/v1/indicators?unit=percent", "indicators"),
                ("/v1/series", "series_points"),
                ("/v1/facts", "facts"),
                ("/v1/quotas", "quotas"),
                ("/v1/themes?kind=sdg", "themes"),
                ("/v1/search?q=women", "search_hits"),
                ("/v1/entities?kind=law", "entities"),
                ("/v1/releases/latest/changes?type=indicator", "release_changes"),
            };
            foreach (var provider in ApiFixture.Providers)
            {
                foreach (var (url, table) in routes)
                {
                    data.Add(provider, url, table);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_list_route_answers_csv_with_the_tables_columns_and_every_matching_row(string provider, string url, string tableName)
    {
        var client = api.Client(provider);
        var table = AllTables.Single(t => t.Name == tableName);
        var json = await client.GetAllPagesAsync(url, 500);

        using var response = await client.GetAsync(WithFormat(url, "csv"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        var (header, rows) = ParseCsv(await response.Content.ReadAsStringAsync());

        Assert.Equal(table.Columns.Select(c => c.Name), header);
        Assert.Equal(table.PrimaryKey, header.Take(table.PrimaryKey.Count));
        var expectedRows = tableName == "series_points" ? json.Sum(s => s.GetProperty("points").GetArrayLength()) : json.Count;
        Assert.Equal(expectedRows, rows.Count);
        if (tableName is not "series_points" and not "search_hits")
        {
            // The same records in the same order as JSON: the id is the first column (after the type for changes).
            var idColumn = tableName == "release_changes" ? 1 : 0;
            Assert.Equal(json.Select(j => j.GetProperty(j.TryGetProperty("id", out _) ? "id" : "key").GetString()), rows.Select(r => r[idColumn]));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Accept_text_csv_and_format_csv_give_the_same_answer_and_ndjson_the_same_rows_typed(string provider)
    {
        var client = api.Client(provider);
        var byParameter = await client.GetStringAsync("/v1/indicators?document=ccpr-c-kaz-co-3&format=csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/indicators?document=ccpr-c-kaz-co-3");
        request.Headers.Accept.ParseAdd("text/csv");
        using var byAccept = await client.SendAsync(request);
        Assert.Equal(byParameter, await byAccept.Content.ReadAsStringAsync());
        Assert.Contains("Accept", byAccept.Headers.Vary);

        using var ndjsonRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/indicators?document=ccpr-c-kaz-co-3");
        ndjsonRequest.Headers.Accept.ParseAdd("application/x-ndjson");
        using var ndjson = await client.SendAsync(ndjsonRequest);
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        var (header, rows) = ParseCsv(byParameter);
        Assert.Equal(rows.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal(header, l.EnumerateObject().Select(p => p.Name)));
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Number, l.GetProperty("value").ValueKind));
        Assert.Equal(rows.Select(r => r[0]), lines.Select(l => l.GetProperty("indicator_id").GetString()));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task With_a_limit_csv_pages_like_json_and_the_link_headers_lead_through_every_row(string provider)
    {
        var client = api.Client(provider);
        var whole = ParseCsv(await client.GetStringAsync("/v1/paragraphs?document=cedaw-c-kaz-rq-6&format=csv")).Rows;
        var paged = new List<string?[]>();
        string? next = "/v1/paragraphs?document=cedaw-c-kaz-rq-6&format=csv&limit=7";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(200, (int)response.StatusCode);
            var rows = ParseCsv(await response.Content.ReadAsStringAsync()).Rows;
            paged.AddRange(rows);
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(';')[0].Trim('<', '>', ' ')
                : null;
            Assert.True(next is null || rows.Count == 7, "a page before the last one holds limit rows");
            Assert.True(++pages < 1000);
        }

        Assert.True(pages > 1);
        Assert.Equal(whole.Select(r => string.Join('\u0001', r)), paged.Select(r => string.Join('\u0001', r)));

        var jsonPage = await client.GetJsonAsync("/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=7");
        var cursor = jsonPage.GetProperty("nextCursor").GetString()!;
        var second = ParseCsv(await client.GetStringAsync($"/v1/paragraphs?document=cedaw-c-kaz-rq-6&format=csv&limit=7&cursor={Uri.EscapeDataString(cursor)}"))
            .Rows;
        Assert.Equal(whole.Skip(7).Take(7).Select(r => r[0]), second.Select(r => r[0]));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Csv_keeps_russian_text_embedded_newlines_and_quotes_and_writes_invariant_numbers(string provider)
    {
        var client = api.Client(provider);
        var body = await client.GetStringAsync("/v1/paragraphs?lang=ru&format=csv");
        Assert.Contains("\r\n", body, StringComparison.Ordinal);
        var json = await client.GetAllPagesAsync("/v1/paragraphs?lang=ru", 500);
        var rows = ParseCsv(body).Rows;
        Assert.Equal(json.Select(p => p.GetProperty("text").GetString()), rows.Select(r => r[5]));
        Assert.Contains(rows, r => r[5]!.Any(c => c is >= 'а' and <= 'я'));

        var indicators = ParseCsv(await client.GetStringAsync("/v1/indicators?format=csv"));
        var value = indicators.Header.IndexOf("value");
        var start = indicators.Header.IndexOf("period_start");
        Assert.All(indicators.Rows, r => Assert.True(
            decimal.TryParse(r[value], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _),
            r[value]));
        Assert.All(indicators.Rows.Where(r => r[start] is not null), r => Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", r[start]!));
    }

    [Theory]
    [InlineData("/v1/indicators?format=xml", null, 400)]
    [InlineData("/v1/indicators", "application/xml", 406)]
    [InlineData("/v1/themes", "text/html, image/png", 406)]
    public async Task An_unsupported_format_or_accept_is_a_problem_naming_the_formats(string url, string? accept, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("csv", body, StringComparison.Ordinal);
        Assert.Contains("ndjson", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_stays_the_default_and_wins_when_the_client_prefers_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/documents");
        request.Headers.Accept.ParseAdd("text/csv;q=0.5, application/json");
        using var response = await api.Client("sqlite").SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/v1/documents");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var browserResponse = await api.Client("sqlite").SendAsync(browser);
        Assert.Equal("application/json", browserResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused_in_csv_too()
    {
        var cursor = (await api.Client("sqlite").GetJsonAsync("/v1/paragraphs?limit=1")).GetProperty("nextCursor").GetString()!;
        using var response = await api.Client("sqlite").GetAsync($"/v1/indicators?format=csv&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(400, (int)response.StatusCode);
    }

    private static IReadOnlyList<TableDefinition> AllTables => [.. Tables.Dataset, Tables.SearchHits, Tables.ReleaseChanges];

    internal static string WithFormat(string url, string format) => url + (url.Contains('?', StringComparison.Ordinal) ? '&' : '?') + "format=" + format;

    internal static (List<string> Header, List<string?[]> Rows) ParseCsv(string text)
    {
        using var reader = CsvReader.FromText(text, null!);
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            Assert.Equal(header.Count, reader.FieldCount);
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) is { Length: > 0 } s ? s : null).ToArray());
        }

        return (header, rows);
    }
}
