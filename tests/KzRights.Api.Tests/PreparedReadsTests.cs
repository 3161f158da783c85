using KzRights.Api.Tests.GraphQL;
using KzRights.Data;
using KzRights.Data.Entities;
using KzRights.Data.ReadModel;
using KzRights.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>The statements nearly every uncached answer runs (<c>PreparedReads</c>): the latest release, a stored record by
/// id, a page of a whole list. They bypass LINQ and keep their commands with the connection, so these tests compare them
/// with the same reads through LINQ, on one context whose commands are reused with new parameters.</summary>
[Collection(ApiCollection.Name)]
public sealed class PreparedReadsTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Whole_list_pages_read_by_the_kept_statements_match_the_same_pages_read_through_linq_page_after_page(string provider)
    {
        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();

        Assert.True(await PagesMatchAsync(db, db.Paragraphs, RecordTypes.Paragraph) > 3);
        Assert.True(await PagesMatchAsync(db, db.Recommendations, RecordTypes.Recommendation) > 1);
        Assert.True(await PagesMatchAsync(db, db.Indicators, RecordTypes.Indicator) > 1);
        // Once more from the start, after the "after" statement ran with other cursors on the same connection.
        Assert.True(await PagesMatchAsync(db, db.Paragraphs, RecordTypes.Paragraph) > 3);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_latest_release_and_stored_records_read_by_the_kept_statements_are_those_linq_reads(string provider)
    {
        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();

        var latest = await db.Releases.AsNoTracking().OrderByDescending(r => r.Sequence).Select(r => r.Id).FirstAsync();
        Assert.Equal(latest, await PreparedReads.LatestReleaseIdAsync(db, CancellationToken.None));

        foreach (var (type, id) in new[] { (RecordTypes.Paragraph, "ccpr-c-kaz-co-3/20"), (RecordTypes.Document, "ccpr-c-kaz-co-3") })
        {
            var stored = await db.ServedRecords.AsNoTracking().Where(r => r.Type == type && r.RecordId == id).Select(r => r.Json).SingleAsync();
            Assert.Equal(stored, await PreparedReads.StoredJsonAsync(db, type, id, CancellationToken.None));
        }

        Assert.Null(await PreparedReads.StoredJsonAsync(db, RecordTypes.Paragraph, "ccpr-c-kaz-co-3/9999", CancellationToken.None));
        // A paragraph's id under another record type: the type is a parameter of the kept statement, not left from the last run.
        Assert.Null(await PreparedReads.StoredJsonAsync(db, RecordTypes.Recommendation, "ccpr-c-kaz-co-3/20", CancellationToken.None));
    }

    [Fact]
    public async Task On_sqlite_each_statement_is_prepared_once_per_connection_however_often_it_runs()
    {
        await using var scope = api.Factory("sqlite").Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        async Task ReadAsync()
        {
            await PreparedReads.LatestReleaseIdAsync(db, CancellationToken.None);
            await PreparedReads.StoredJsonAsync(db, RecordTypes.Paragraph, "ccpr-c-kaz-co-3/20", CancellationToken.None);
            var first = await PreparedReads.WholeTablePageAsync(db, RecordTypes.Paragraph, after: null, 3, CancellationToken.None);
            await PreparedReads.WholeTablePageAsync(db, RecordTypes.Paragraph, first[^1].SortKey, 3, CancellationToken.None);
        }

        await ReadAsync();
        // Four statements (latest release, stored record, first page, page after a cursor), one kept command each; the pooled
        // context may keep others from earlier use (other lists' pages).
        var kept = PreparedReads.KeptCommands(db.Database.GetDbConnection());
        Assert.True(kept >= 4, $"{kept} commands kept");
        for (var i = 0; i < 5; i++)
        {
            await ReadAsync();
        }

        Assert.Equal(kept, PreparedReads.KeptCommands(db.Database.GetDbConnection()));
    }

    /// <summary>Walks <paramref name="table"/> in pages of 97 with the kept statements and with LINQ, and returns the pages.</summary>
    private static async Task<int> PagesMatchAsync<TRow>(KzRightsDbContext db, IQueryable<TRow> table, string type)
        where TRow : class, IServedRow
    {
        const int take = 97;
        string? after = null;
        var pages = 0;
        while (true)
        {
            var prepared = await PreparedReads.WholeTablePageAsync(db, type, after, take, CancellationToken.None);
            var cursor = after;
            var keys = await table.AsNoTracking().Where(r => cursor == null || string.Compare(r.SortKey, cursor) > 0)
                .OrderBy(r => r.SortKey).Take(take).Select(r => new { r.SortKey, r.Id }).ToListAsync();
            var ids = keys.Select(k => k.Id).ToArray();
            var json = await db.ServedRecords.AsNoTracking().Where(s => s.Type == type && ids.Contains(s.RecordId))
                .ToDictionaryAsync(s => s.RecordId, s => s.Json);

            Assert.Equal(keys.Select(k => k.SortKey), prepared.Select(r => r.SortKey));
            Assert.All(keys.Zip(prepared), pair => Assert.Equal(json[pair.First.Id], pair.Second.Json));
            if (prepared.Count < take)
            {
                return pages + 1;
            }

            (after, pages) = (prepared[^1].SortKey, pages + 1);
        }
    }
}
