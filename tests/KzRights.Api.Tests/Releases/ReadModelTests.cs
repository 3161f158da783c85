using KzRights.Api.Tests.GraphQL;
using KzRights.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests.Releases;

/// <summary>The read model (records computed once per ingest) serves exactly what building them from the normalized
/// tables serves, at a fraction of the queries.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadModelTests(ApiFixture api)
{
    private static readonly Dictionary<string, string?> CachingOff = new() { ["Caching:Enabled"] = "false" };

    private static readonly string[] Routes =
    [
        "/v1/paragraphs?limit=500", "/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=500", "/v1/paragraphs/ccpr-c-kaz-co-3/20",
        "/v1/documents/ccpr-c-kaz-co-3/paragraphs?limit=200", "/v1/recommendations?limit=500", "/v1/recommendations/upr-3/139.30",
        "/v1/paragraphs?q=women&limit=50", "/v1/recommendations?document=ccpr-c-kaz-co-3&limit=500", "/v1/recommendations?mechanism=upr&limit=500",
        "/v1/indicators?limit=500", "/v1/indicators?kind=statistic&limit=500", "/v1/indicators?document=cedaw-c-kaz-rq-6&limit=500",
        "/v1/indicators/ccpr-c-kaz-co-3/31/i1", "/v1/search?q=torture&limit=50",
        "/v1/documents/ccpr-c-kaz-co-3", "/v1/documents/moj-annual-review-2022", "/v1/themes/theme/womens-rights", "/v1/themes/sdg/5",
        "/v1/entities/treaty/iccpr-op2", "/v1/quotas/*", "/v1/series/*", "/v1/facts/*",
        "/graphql?query=%7Bparagraphs(first%3A20)%7Bnodes%7Bid%20citation%20indicators%7Bid%7D%20subItems%7Bcitation%7D%7D%7D%7D",
    ];

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Records_served_from_the_read_model_equal_the_records_built_from_the_tables(string provider)
    {
        await using var factory = new ApiFactory(provider, settings: CachingOff);
        var client = factory.CreateClient();
        var routes = new List<string>();
        foreach (var route in Routes)
        {
            // list/* stands for the first record of that list.
            var first = route.EndsWith("/*", StringComparison.Ordinal)
                ? (await client.GetJsonAsync(route[..^2] + "?limit=1")).GetProperty("items")[0]
                : default;
            routes.Add(route.EndsWith("/*", StringComparison.Ordinal)
                ? route[..^1] + (first.TryGetProperty("id", out var id) ? id : first.GetProperty("key")).GetString()
                : route);
        }

        var fromReadModel = new List<string>();
        foreach (var route in routes)
        {
            fromReadModel.Add(await client.GetStringAsync(route));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
            Assert.True(await db.ServedRecords.CountAsync() > 1000);
            await db.ServedRecords.ExecuteDeleteAsync();
        }

        // An instance started on a database without a read model (one written before it) builds every record instead.
        await using var restarted = new ApiFactory(provider, settings: CachingOff, sameDatabaseAs: factory, ownsDatabase: false);
        var built = restarted.CreateClient();
        for (var i = 0; i < routes.Count; i++)
        {
            Assert.Equal(fromReadModel[i], await built.GetStringAsync(routes[i]));
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Whole_lists_paged_by_cursor_equal_the_same_pages_built_from_the_tables(string provider)
    {
        // A list without a filter is read by a compiled statement once its total is known (from its second page on, and on
        // every later walk); the first walk counts the total, the second uses the compiled statement from its first page.
        await using var factory = new ApiFactory(provider, settings: CachingOff);
        var client = factory.CreateClient();
        string[] lists = ["/v1/paragraphs", "/v1/recommendations", "/v1/indicators"];
        var fromReadModel = new List<List<string>>();
        foreach (var list in lists)
        {
            var counted = await WalkAsync(client, list);
            Assert.True(counted.Count > 3, $"{list}: {counted.Count} pages");
            Assert.Equal(counted, await WalkAsync(client, list));
            fromReadModel.Add(counted);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KzRightsDbContext>().ServedRecords.ExecuteDeleteAsync();
        }

        // Walked twice again by an instance started on the database without its read model: the first walk counts, the second
        // knows the totals (the whole-table path, which must notice that the read model lacks the rows).
        await using var restarted = new ApiFactory(provider, settings: CachingOff, sameDatabaseAs: factory, ownsDatabase: false);
        var built = restarted.CreateClient();
        for (var i = 0; i < lists.Length; i++)
        {
            Assert.Equal(fromReadModel[i], await WalkAsync(built, lists[i]));
            Assert.Equal(fromReadModel[i], await WalkAsync(built, lists[i]));
        }

        static async Task<List<string>> WalkAsync(HttpClient client, string list)
        {
            var pages = new List<string>();
            string? cursor = null;
            do
            {
                var body = await client.GetStringAsync($"{list}?limit=97" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                pages.Add(body);
                cursor = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_page_of_fifty_paragraphs_costs_two_queries_and_a_record_by_id_one(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = host.CreateClient();
        var cursor = (await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=5")).GetProperty("nextCursor").GetString()!;
        counter.Reset();
        var page = await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=50&cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        // The document filter's check, then the page's rows joined to their stored records with the filter's total as a
        // subquery; built from the tables it is 12.
        Assert.Equal(2, counter.Count);
        counter.Reset();
        await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/21");
        Assert.Equal(1, counter.Count);
        foreach (var route in new[] {
            "/v1/documents/ccpr-c-kaz-co-3",
            "/v1/recommendations/upr-3/139.30",
            "/v1/themes/sdg/5",
            "/v1/entities/treaty/iccpr-op2" })
        {
            counter.Reset();
            await client.GetJsonAsync(route);
            Assert.True(counter.Count == 1, $"{route}: {counter.Count} queries");
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_list_total_is_counted_once_per_release_and_filter(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = host.CreateClient();
        var first = await client.GetJsonAsync("/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=5");
        var total = first.GetProperty("total").GetInt32();
        Assert.Equal((await client.GetAllPagesAsync("/v1/paragraphs?document=cedaw-c-kaz-rq-6", 100)).Count, total);

        counter.Reset();
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var next = await client.GetJsonAsync("/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=5&cursor=" + cursor);
        Assert.Equal(total, next.GetProperty("total").GetInt32());
        Assert.DoesNotContain(counter.Texts, t => t.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));

        // Another filter is counted for itself.
        counter.Reset();
        var other = await client.GetJsonAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=5");
        Assert.Contains(counter.Texts, t => t.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((await client.GetAllPagesAsync("/v1/paragraphs?document=ccpr-c-kaz-co-3", 100)).Count, other.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_search_total_is_counted_once_per_release_and_query(string provider)
    {
        var counter = new CommandCounter();
        await using var host = api.Factory(provider).WithInterceptor(counter, ("Caching:Enabled", "false"));
        var client = host.CreateClient();
        var first = await client.GetJsonAsync("/v1/search?q=women&limit=5");
        var total = first.GetProperty("total").GetInt32();
        Assert.Equal((await client.GetAllPagesAsync("/v1/search?q=women", 100)).Count, total);

        counter.Reset();
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var next = await client.GetJsonAsync("/v1/search?q=women&limit=5&cursor=" + cursor);
        Assert.Equal(total, next.GetProperty("total").GetInt32());
        Assert.NotEmpty(counter.Texts);
        Assert.DoesNotContain(counter.Texts, t => t.Contains("count(", StringComparison.OrdinalIgnoreCase));
    }
}
