using KzRights.Data;
using KzRights.Data.Ingest;
using KzRights.Data.Providers;
using KzRights.Parsing;
using KzRights.Parsing.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Api.Tests;

/// <summary>The ingest against a database of its own per test (SQLite file; PostgreSQL when configured).</summary>
public sealed class IngestTests
{
    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Re_ingesting_the_same_corpus_yields_the_same_ids_and_rows(string provider)
    {
        await using var store = new IngestStore(provider);
        var corpus = CorpusParser.LocateCorpusDirectory();
        var first = await store.IngestAsync(corpus, force: false);
        Assert.True(first.Ingested);
        var before = await store.SnapshotAsync();

        var unchanged = await store.IngestAsync(corpus, force: false);
        Assert.False(unchanged.Ingested);

        var forced = await store.IngestAsync(corpus, force: true);
        Assert.True(forced.Ingested);
        Assert.Equal(before, await store.SnapshotAsync());
        Assert.Equal(first.Summary, forced.Summary);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task A_corpus_that_fails_to_parse_leaves_the_stored_data_intact(string provider)
    {
        await using var store = new IngestStore(provider);
        var good = CorpusParser.LocateCorpusDirectory();
        await store.IngestAsync(good, force: false);
        var before = await store.SnapshotAsync();

        // Same corpus, but paragraph 5 of the concluding observations loses its number: the layout check must fail.
        var broken = Directory.CreateTempSubdirectory("kzrights-broken-corpus-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(good))
            {
                File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
            }

            var manifest = CorpusManifest.Load(broken);
            var ccpr = manifest.Documents.Single(d => d.Slug == "ccpr-c-kaz-co-3");
            var path = Path.Combine(broken, ccpr.SourceFile);
            var text = File.ReadAllText(path).Replace("\n5. The Committee notes the adoption", "\nThe Committee notes the adoption", StringComparison.Ordinal);
            File.WriteAllText(path, text);
            var manifestText = File.ReadAllText(Path.Combine(broken, CorpusManifest.FileName))
                .Replace(ccpr.Sha256, CorpusManifest.Sha256Hex(File.ReadAllBytes(path)), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(broken, CorpusManifest.FileName), manifestText);

            var error = await Assert.ThrowsAsync<ParseException>(() => store.IngestAsync(broken, force: false));
            Assert.Equal(ccpr.SourceFile, error.File);
            Assert.True(error.Line > 0);
            Assert.Equal(before, await store.SnapshotAsync());
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Instances_starting_together_on_postgres_ingest_once_and_none_fails()
    {
        await using var store = new IngestStore("postgres");
        await store.MigrateAsync();
        var corpus = CorpusParser.LocateCorpusDirectory();
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => store.IngestAsync(corpus, force: false))));
        Assert.Single(results, r => r.Ingested);
        var snapshot = await store.SnapshotAsync();
        await store.IngestAsync(corpus, force: true);
        Assert.Equal(snapshot, await store.SnapshotAsync());
    }

    private sealed class IngestStore : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly string _directory = Directory.CreateTempSubdirectory("kzrights-ingest-").FullName;

        public IngestStore(string provider)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
                ["ConnectionStrings:KzRights"] = provider == "postgres"
                    ? new Npgsql.NpgsqlConnectionStringBuilder(ApiFixture.PostgresConnectionString) { Database = "kzrights_ingest_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
                    : DataServiceCollectionExtensions.DefaultSqliteConnectionString(_directory),
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            _services = new ServiceCollection().AddLogging().AddKzRightsData(configuration, _directory).BuildServiceProvider();
        }

        public async Task MigrateAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().MigrateAsync();
        }

        public async Task<IngestResult> IngestAsync(string corpus, bool force)
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus, force);
        }

        /// <summary>Every stored id with its text, in a fixed order: equal snapshots mean equal data.</summary>
        public async Task<string> SnapshotAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
            var paragraphs = await db.Paragraphs.OrderBy(p => p.SortKey).Select(p => p.Id + "|" + p.SortKey + "|" + p.Text).ToListAsync();
            var recommendations = await db.Recommendations.OrderBy(r => r.SortKey).Select(r => r.Id + "|" + r.Text).ToListAsync();
            var links = await db.ResponseLinks.CountAsync();
            var sections = await db.Sections.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            Assert.NotEmpty(paragraphs);
            return string.Join('\n', paragraphs.Concat(recommendations).Concat(sections).Append(links.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        public async ValueTask DisposeAsync()
        {
            await using (var scope = _services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
                if (db.Provider == DatabaseProvider.Postgres)
                {
                    await db.Database.EnsureDeletedAsync();
                }
            }

            await _services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
