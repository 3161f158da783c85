using System.Text.Json;
using KzRights.Api.Tests.GraphQL;

namespace KzRights.Api.Tests.Releases;

/// <summary>The release the fixture's ingest published, its change list and the provenance every answer carries.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReleaseEndpointTests(ApiFixture api)
{
    private static readonly string[] ListRoutes =
    [
        "/v1/documents", "/v1/paragraphs", "/v1/recommendations", "/v1/indicators", "/v1/quotas", "/v1/series", "/v1/facts", "/v1/themes",
        "/v1/search?q=women", "/v1/releases",
    ];

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_first_ingest_publishes_one_release_whose_counts_match_the_lists(string provider)
    {
        var client = api.Client(provider);
        var releases = await client.GetJsonAsync("/v1/releases");
        var release = Assert.Single(releases.GetProperty("items").EnumerateArray());
        var id = release.GetProperty("id").GetString()!;
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}$", id);
        Assert.StartsWith(id[11..], release.GetProperty("contentSha256").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, release.GetProperty("previousReleaseId").ValueKind);
        Assert.Equal("CC-BY-4.0", release.GetProperty("license").GetProperty("id").GetString());
        Assert.Equal(id, (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString());
        Assert.Equal(id, (await client.GetJsonAsync($"/v1/releases/{id}")).GetProperty("id").GetString());

        var counts = release.GetProperty("counts");
        foreach (var (type, route) in new[] {
            ("paragraph", "/v1/paragraphs"),
            ("recommendation", "/v1/recommendations"),
            ("indicator", "/v1/indicators"),
            ("theme", "/v1/themes") })
        {
            Assert.Equal((await client.GetJsonAsync(route + "?limit=1")).GetProperty("total").GetInt32(), counts.GetProperty(type).GetInt32());
        }
    }

    [PostgresFact]
    public async Task The_same_corpus_publishes_the_same_content_and_the_same_numbers_on_sqlite_and_postgresql()
    {
        // PostgreSQL returned numeric columns with their full scale (3.000000 where SQLite has 3.0): every indicator,
        // quota, series and fact differed, and so did the release.
        var sqlite = await api.Client("sqlite").GetJsonAsync("/v1/releases/latest");
        var postgres = await api.Client("postgres").GetJsonAsync("/v1/releases/latest");
        Assert.Equal(sqlite.GetProperty("contentSha256").GetString(), postgres.GetProperty("contentSha256").GetString());
        const string indicators = "/v1/indicators?limit=200";
        Assert.Equal(await api.Client("sqlite").GetStringAsync(indicators), await api.Client("postgres").GetStringAsync(indicators));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_first_release_lists_every_record_as_added_and_filters_by_type_and_document(string provider)
    {
        var client = api.Client(provider);
        var release = await client.GetJsonAsync("/v1/releases/latest");
        var id = release.GetProperty("id").GetString()!;
        var all = await client.GetJsonAsync($"/v1/releases/{id}/changes?limit=1");
        Assert.Equal(release.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()), all.GetProperty("total").GetInt32());

        var ccpr = await client.GetAllPagesAsync($"/v1/releases/{id}/changes?type=paragraph&document=ccpr-c-kaz-co-3", 25);
        var paragraphs = await client.GetAllPagesAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3", 500);
        Assert.Equal(paragraphs.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal), ccpr.Select(c => c.GetProperty("id").GetString()));
        Assert.All(ccpr, c =>
        {
            Assert.Equal("added", c.GetProperty("change").GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("oldSha256").ValueKind);
            Assert.Matches("^[0-9a-f]{64}$", c.GetProperty("newSha256").GetString());
        });

        var since = await client.GetJsonAsync($"/v1/changes?since={id}");
        Assert.Equal(0, since.GetProperty("total").GetInt32());
        Assert.Equal(id, since.GetProperty("to").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task An_unknown_release_is_a_problem_never_an_empty_list(string provider)
    {
        var client = api.Client(provider);
        var notFound = await client.GetJsonAsync("/v1/releases/2000.01.01-00000000/changes", 404);
        Assert.Equal(404, notFound.GetProperty("status").GetInt32());
        await client.GetJsonAsync("/v1/releases/2000.01.01-00000000", 404);
        var since = await client.GetJsonAsync("/v1/changes?since=2000.01.01-00000000", 400);
        Assert.True(since.GetProperty("errors").TryGetProperty("since", out _));
        var missing = await client.GetJsonAsync("/v1/changes", 400);
        Assert.True(missing.GetProperty("errors").TryGetProperty("since", out _));
        var latest = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString();
        var badType = await client.GetJsonAsync($"/v1/releases/{latest}/changes?type=paragraphs", 400);
        Assert.True(badType.GetProperty("errors").TryGetProperty("type", out _));
        var badDocument = await client.GetJsonAsync($"/v1/changes?since={latest}&document=no-such-document", 400);
        Assert.True(badDocument.GetProperty("errors").TryGetProperty("document", out _));
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_list_names_its_release_and_every_record_links_to_itself(string provider)
    {
        var client = api.Client(provider);
        var latest = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString();
        foreach (var route in ListRoutes)
        {
            var page = await client.GetJsonAsync(route + (route.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=3");
            Assert.Equal(latest, page.GetProperty("release").GetString());
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                var self = item.GetProperty("links").GetProperty("self").GetString()!;
                var record = await client.GetJsonAsync(self);
                var id = item.TryGetProperty("key", out var key) ? key : item.GetProperty("id");
                var served = record.TryGetProperty("document", out var detail) && detail.ValueKind == JsonValueKind.Object ? detail : record;
                Assert.Equal(id.GetString(), (served.TryGetProperty("key", out var k) ? k : served.GetProperty("id")).GetString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Paragraphs_sub_items_recommendations_and_indicators_carry_a_citation_naming_the_release(string provider)
    {
        var client = api.Client(provider);
        var release = (await client.GetJsonAsync("/v1/releases/latest")).GetProperty("id").GetString();
        var paragraph = await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20");
        Assert.Equal($"CCPR/C/KAZ/CO/3, para. 20 — KzRights release {release}", paragraph.GetProperty("citation").GetString());
        Assert.Equal($"CCPR/C/KAZ/CO/3, para. 20 (a) — KzRights release {release}", paragraph.GetProperty("subItems")[0].GetProperty("citation").GetString());
        var recommendation = await client.GetJsonAsync("/v1/recommendations/ccpr-3/20");
        Assert.Equal($"CCPR/C/KAZ/CO/3, para. 20 — KzRights release {release}", recommendation.GetProperty("citation").GetString());
        var indicator = await client.GetJsonAsync("/v1/indicators/ccpr-c-kaz-co-3/31/i1");
        Assert.Equal($"CCPR/C/KAZ/CO/3, para. 31 — KzRights release {release}", indicator.GetProperty("citation").GetString());

        var documents = (await client.GetJsonAsync("/v1/documents")).GetProperty("items").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.Equal("https://undocs.org/CCPR/C/KAZ/CO/3", documents["ccpr-c-kaz-co-3"].GetProperty("officialUrl").GetString());
        Assert.Equal(JsonValueKind.Null, documents["moj-annual-review-2022"].GetProperty("officialUrl").ValueKind);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task GraphQL_serves_the_releases_rest_serves(string provider)
    {
        var client = api.Client(provider);
        var rest = await client.GetJsonAsync("/v1/releases/latest");
        var data = await client.QueryAsync("""
            query($id: ID) { release(id: $id) { id publishedAt previousReleaseId contentSha256 counts { type count } license { id } }
                             latest: release { id } releases(first: 5) { totalCount nodes { id } } }
            """, new { id = rest.GetProperty("id").GetString() });
        Assert.Equal(rest.GetProperty("id").GetString(), data.GetProperty("release").GetProperty("id").GetString());
        Assert.Equal(rest.GetProperty("contentSha256").GetString(), data.GetProperty("release").GetProperty("contentSha256").GetString());
        Assert.Equal(rest.GetProperty("counts").GetProperty("paragraph").GetInt32(),
            data.GetProperty("release").GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "paragraph")
                .GetProperty("count")
                .GetInt32());
        Assert.Equal(rest.GetProperty("id").GetString(), data.GetProperty("latest").GetProperty("id").GetString());
        Assert.Equal(1, data.GetProperty("releases").GetProperty("totalCount").GetInt32());
    }
}
