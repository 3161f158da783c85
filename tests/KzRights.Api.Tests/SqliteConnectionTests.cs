using System.Data.Common;
using KzRights.Api.Tests.GraphQL;
using KzRights.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>SQLite connections are opened once per pooled context (<c>OpenedOnce</c>): reopening registered EF Core's SQL
/// functions again on every request.</summary>
[Collection(ApiCollection.Name)]
public sealed class SqliteConnectionTests(ApiFixture api)
{
    [Fact]
    public async Task Sequential_requests_on_sqlite_do_not_open_the_database_connection_again()
    {
        var opens = new OpenCounter();
        await using var host = api.Factory("sqlite").WithInterceptor(opens, ("Caching:Enabled", "false"));
        var client = host.CreateClient();
        await client.GetJsonAsync("/v1/paragraphs?limit=5");
        var afterFirst = opens.Count;
        for (var i = 0; i < 10; i++)
        {
            await client.GetJsonAsync("/v1/paragraphs/ccpr-c-kaz-co-3/20");
            await client.GetJsonAsync("/v1/paragraphs?limit=5");
        }

        // Without it every one of the 20 requests opens its connection; a background scope (the release refresh) may
        // need one more pooled context meanwhile.
        Assert.InRange(opens.Count - afterFirst, 0, 1);
    }

    [Fact]
    public async Task Decimal_comparison_works_on_a_connection_kept_open()
    {
        await using var scope = api.Factory("sqlite").Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var values = await db.Indicators.AsNoTracking().Select(i => i.Value).ToListAsync();
        // Translated to EF Core's ef_compare function, which the kept-open connection registers itself.
        Assert.Equal(values.Count(v => v > 1000m), await db.Indicators.CountAsync(i => i.Value > 1000m));
        Assert.Contains(values, v => v > 1000m);
    }

    private sealed class OpenCounter : DbConnectionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _count);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
