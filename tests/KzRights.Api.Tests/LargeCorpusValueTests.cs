using KzRights.Data;
using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>Values that grow with the corpus fit their columns on every provider (SQLite ignores declared lengths,
/// PostgreSQL refused a 100,000-paragraph synthetic corpus with "value too long for type character varying(2000)").</summary>
[Collection(ApiCollection.Name)]
public sealed class LargeCorpusValueTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_fact_stated_differently_in_hundreds_of_documents_keeps_its_whole_conflict_reason(string provider)
    {
        await using var scope = api.Factory(provider).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        // The fact linker names every disagreeing statement: about 50 characters each, 400 documents here.
        var reason = "statements of 400 documents disagree; years differ: " +
            string.Join(", ", Enumerable.Range(1, 400).Select(i => $"2020 (a-hrc-wg-6-48-kaz-1-s{i}/172/i1)"));
        var stored = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // Rolled back: the shared host's data stays as ingested.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Facts.Add(new FactEntity
            {
                Id = "fact/test/large-reason", SortKey = "~test", Measure = "test", Subject = "test", Kind = "statistic", Unit = "percent",
                PopulationJson = "[]", Conflict = true, ConflictScope = "documents", ConflictReason = reason,
            });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var read = await db.Facts.Where(f => f.Id == "fact/test/large-reason").Select(f => f.ConflictReason).SingleAsync();
            await transaction.RollbackAsync();
            return read;
        });

        Assert.Equal(reason, stored);
    }
}
