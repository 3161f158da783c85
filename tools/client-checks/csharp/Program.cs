// CI: the C# client Kiota generates from openapi.yaml over every public operation of a live API: every page of every
// list, every id of every list through its get operation, and the documented errors. Every answer is deserialized into
// the generated models, so a contract the client cannot read fails here. Usage: dotnet run -- BASE_URL
// Prints one PASS/FAIL line per check and ends with "N passed, N failed".
using KzRights.Client;
using KzRights.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = args[0].TrimEnd('/') };
var client = new KzRightsClient(adapter);
int passed = 0, failed = 0;
const int Limit = 500;

void Check(string name, bool ok, string detail = "")
{
    if (ok)
    {
        passed++;
    }
    else
    {
        failed++;
    }

    Console.WriteLine(ok ? $"PASS {name}" : $"FAIL {name}: {detail}");
}

async Task<List<T>> Crawl<T>(string name, Func<string?, Task<(List<T>? Items, string? Next, int? Total)>> page)
{
    var items = new List<T>();
    string? cursor = null;
    var total = -1;
    try
    {
        do
        {
            var (pageItems, next, pageTotal) = await page(cursor);
            items.AddRange(pageItems ?? []);
            total = pageTotal ?? -1;
            cursor = next;
        }
        while (cursor is not null);
        Check($"{name}: every page ({items.Count} items)", items.Count == total, $"{items.Count} of {total}");
    }
    catch (Exception ex)
    {
        Check($"{name}: every page", false, $"{ex.GetType().Name}: {ex.Message}");
    }

    return items;
}

async Task GetEach<T>(string name, IEnumerable<string?> ids, Func<string, Task<T?>> get, Func<T, string?> idOf)
{
    var failures = new List<string>();
    var count = 0;
    foreach (var id in ids.OfType<string>())
    {
        count++;
        try
        {
            var record = await get(id);
            if (record is null || idOf(record) != id)
            {
                failures.Add($"{id}: answered {(record is null ? "nothing" : idOf(record))}");
            }
        }
        catch (Exception ex)
        {
            failures.Add($"{id}: {ex.GetType().Name} {ex.Message}");
        }
    }

    Check($"{name}: every id ({count})", count > 0 && failures.Count == 0, failures.Count == 0 ? "no ids" : string.Join("; ", failures.Take(3)));
}

async Task Problem(string name, Func<Task> call, int status, string code)
{
    try
    {
        await call();
        Check($"{name}: {status} {code}", false, "answered 2xx");
    }
    catch (ApiException ex)
    {
        var actual = ex switch
        {
            ProblemDetails p => p.Code?.ToString(),
            HttpValidationProblemDetails v => v.Code?.ToString(),
            _ => ex.GetType().Name,
        };
        Check($"{name}: {status} {code}", ex.ResponseStatusCode == status && actual == code, $"HTTP {ex.ResponseStatusCode} {actual}");
    }
}

var v1 = client.V1;
var documents = await Crawl("listDocuments", async c =>
{
    var p = await v1.Documents.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getDocument", documents.Select(d => d.Id), id => v1.Documents[id].GetAsync(), d => d.Document?.Id);
foreach (var document in documents)
{
    await Crawl($"listDocumentParagraphs {document.Id}", async c =>
    {
        var p = await v1.Documents[document.Id!].Paragraphs.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
        return (p?.Items, p?.NextCursor, p?.Total);
    });
}

var paragraphs = await Crawl("listParagraphs", async c =>
{
    var p = await v1.Paragraphs.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getParagraph", paragraphs.Select(p => p.Id), id => v1.Paragraphs[id].GetAsync(), p => p.Id);
var recommendations = await Crawl("listRecommendations", async c =>
{
    var p = await v1.Recommendations.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getRecommendation", recommendations.Select(r => r.Id), id => v1.Recommendations[id].GetAsync(), r => r.Id);
var indicators = await Crawl("listIndicators", async c =>
{
    var p = await v1.Indicators.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getIndicator", indicators.Select(i => i.Id), id => v1.Indicators[id].GetAsync(), i => i.Id);
var quotas = await Crawl("listQuotas", async c =>
{
    var p = await v1.Quotas.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getQuota", quotas.Select(q => q.Id), id => v1.Quotas[id].GetAsync(), q => q.Id);
var series = await Crawl("listSeries", async c =>
{
    var p = await v1.Series.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getSeries", series.Select(s => s.Key), key => v1.Series[key].GetAsync(), s => s.Key);
var facts = await Crawl("listFacts", async c =>
{
    var p = await v1.Facts.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getFact", facts.Select(f => f.Id), id => v1.Facts[id].GetAsync(), f => f.Id);
var themes = await Crawl("listThemes", async c =>
{
    var p = await v1.Themes.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getTheme", themes.Select(t => t.Id), id => v1.Themes[id].GetAsync(), t => t.Id);
var entities = await Crawl("listEntities", async c =>
{
    var p = await v1.Entities.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getEntity", entities.Select(e => e.Id), id => v1.Entities[id].GetAsync(), e => e.Id);
await Crawl("search", async c =>
{
    var p = await v1.Search.GetAsync(r => (r.QueryParameters.Q, r.QueryParameters.Limit, r.QueryParameters.Cursor) = ("women", Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});

var releases = await Crawl("listReleases", async c =>
{
    var p = await v1.Releases.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
    return (p?.Items, p?.NextCursor, p?.Total);
});
await GetEach("getRelease", releases.Select(r => r.Id), id => v1.Releases[id].GetAsync(), r => r.Id);
var latest = await v1.Releases.Latest.GetAsync();
Check("getLatestRelease", latest?.Id is not null && latest.Id == releases.FirstOrDefault()?.Id, $"{latest?.Id}");
foreach (var release in releases.Where(r => r.Id is not null))
{
    await Crawl($"listReleaseChanges {release.Id}", async c =>
    {
        var p = await v1.Releases[release.Id!].Changes.GetAsync(r => (r.QueryParameters.Limit, r.QueryParameters.Cursor) = (Limit, c));
        return (p?.Items, p?.NextCursor, p?.Total);
    });
    await Crawl($"listChangesSince {release.Id}", async c =>
    {
        var p = await v1.Changes.GetAsync(r => (r.QueryParameters.Since, r.QueryParameters.Limit, r.QueryParameters.Cursor) = (release.Id, Limit, c));
        return (p?.Items, p?.NextCursor, p?.Total);
    });
    var dataset = await v1.Releases[release.Id!].Dataset.GetAsync();
    Check($"getDataset {release.Id}", dataset?.Files?.Count > 0, "no files");
    var failures = new List<string>();
    foreach (var file in dataset?.Files ?? [])
    {
        await using var stream = await v1.Releases[release.Id!].Dataset[file.Name!].GetAsync();
        var bytes = new MemoryStream();
        if (stream is not null)
        {
            await stream.CopyToAsync(bytes);
        }

        if (bytes.Length != file.Bytes)
        {
            failures.Add($"{file.Name}: {bytes.Length} of {file.Bytes} bytes");
        }
    }

    Check($"getDatasetFile {release.Id}: every file", failures.Count == 0, string.Join("; ", failures));
}

Check("getIndex", (await client.GetAsync())?.Links?.Count > 0, "no links");
Check("health", (await client.Health.GetAsync())?.Status is not null, "no status");
Check("healthLive", (await client.Health.Live.GetAsync())?.Status is not null, "no status");
Check("healthReady", (await client.Health.Ready.GetAsync())?.Status is not null, "no status");

await Problem("listParagraphs limit=0", () => v1.Paragraphs.GetAsync(r => r.QueryParameters.Limit = 0), 400, "INVALID_ARGUMENT");
await Problem("listIndicators cursor=not-a-cursor", () => v1.Indicators.GetAsync(r => r.QueryParameters.Cursor = "not-a-cursor"), 400, "INVALID_CURSOR");
await Problem("listParagraphs document=no-such-document", () => v1.Paragraphs.GetAsync(r => r.QueryParameters.Document = "no-such-document"),
    400, "INVALID_ARGUMENT");
await Problem("getParagraph unknown id", () => v1.Paragraphs["no-such-doc/1"].GetAsync(), 404, "NOT_FOUND");
await Problem("getRecommendation unknown id", () => v1.Recommendations["upr-3/0.0"].GetAsync(), 404, "NOT_FOUND");
await Problem("getRelease unknown id", () => v1.Releases["1999.01.01-00000000"].GetAsync(), 404, "NOT_FOUND");
await Problem("search without q", () => v1.Search.GetAsync(), 400, "INVALID_ARGUMENT");
await Problem("listWebhooks without a key", () => v1.Webhooks.GetAsync(), 401, "UNAUTHORIZED");

Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;
