using System.Text.RegularExpressions;
using KzRights.Data;
using KzRights.Data.Entities;
using KzRights.Data.Ingest;
using KzRights.Data.Providers;
using KzRights.Data.Releases;
using KzRights.Parsing;
using KzRights.Parsing.Analysis;
using KzRights.Parsing.Corpus;
using KzRights.Parsing.Entities;
using KzRights.Parsing.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    public async Task An_ingest_written_two_rows_and_built_two_records_at_a_time_publishes_what_one_batch_of_everything_publishes(string provider)
    {
        // Batches of 2 split every document's records, every list's pages and every write; 1,000,000 is one of each.
        await using var batched = new IngestStore(provider, ("Ingest:BatchSize", "2"));
        await using var whole = new IngestStore(provider, ("Ingest:BatchSize", "1000000"));
        var corpus = CorpusParser.LocateCorpusDirectory();
        var inBatches = await batched.IngestAsync(corpus, force: false);
        var inOne = await whole.IngestAsync(corpus, force: false);

        Assert.Equal(inOne.Summary, inBatches.Summary);
        Assert.Equal(inOne.Release!.ContentSha256, inBatches.Release!.ContentSha256);
        Assert.Equal(inOne.Release.Counts, inBatches.Release.Counts);
        Assert.Equal(await whole.SnapshotAsync(), await batched.SnapshotAsync());
        var stored = await whole.StoredRecordsAsync();
        Assert.True(stored.Count > 5000, $"{stored.Count} stored rows");
        Assert.Equal(stored, await batched.StoredRecordsAsync());
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Writing_a_document_at_a_time_stores_what_analysing_the_whole_corpus_links_across_documents(string provider)
    {
        // The real corpus names each recommendation in one document only. Here the first document also cites one that the
        // last document quotes (the quoted text must win, as CorpusParser.Combine merges) and answers another that only the
        // last document names (the link must wait until that recommendation is written).
        var documents = CorpusParser.ParseDirectory(CorpusParser.LocateCorpusDirectory()).Documents.ToList();
        var quoted = documents[^1].Recommendations.Where(r => r.Text is not null).Take(2).ToArray();
        Assert.Equal(2, quoted.Length);
        var first = documents[0];
        documents[0] = first with
        {
            Recommendations = [.. first.Recommendations, quoted[0] with { Text = null }],
            ResponseLinks =
            [
                .. first.ResponseLinks, new ResponseLink(quoted[1].Id, first.Paragraphs[0].Id, "responds-to", "answered before it is named"),
            ],
        };
        var corpus = CorpusParser.Combine(documents, "test");
        var analysis = CorpusAnalyzer.Analyze(corpus);
        Assert.Contains(analysis.Facts, f => f.Attestations.Select(a => a.DocumentId).Distinct().Count() > 1);
        Assert.Contains(analysis.Entities, e => e.Mentions.Select(m => m.DocumentId).Distinct().Count() > 1);

        await using var store = new IngestStore(provider);
        await store.MigrateAsync();
        await store.WithContextAsync(async db =>
        {
            await new CorpusWriter(db, 2, null).WriteAsync(documents, documents.Count, CancellationToken.None);

            Assert.Equal(
                corpus.Recommendations.Select(CorpusEntityMapper.MapRecommendation)
                    .Select(r => $"{r.Id}|{r.SourceDocumentId}|{r.ParagraphId}|{r.SearchText}"),
                (await db.Recommendations.ToListAsync()).OrderBy(r => r.Id, StringComparer.Ordinal)
                    .Select(r => $"{r.Id}|{r.SourceDocumentId}|{r.ParagraphId}|{r.SearchText}"));
            Assert.Equal(quoted[0].Text, (await db.Recommendations.SingleAsync(r => r.Id == quoted[0].Id)).Text);
            Assert.Equal(
                corpus.ResponseLinks.Select(l => $"{l.RecommendationId}|{l.ParagraphId}|{l.Relation}|{l.Evidence}").Order(StringComparer.Ordinal),
                (await db.ResponseLinks.Select(l => l.RecommendationId + "|" + l.ParagraphId + "|" + l.Relation + "|" + l.Evidence).ToListAsync())
                    .Order(StringComparer.Ordinal));
            var waited = await db.ResponseLinks.SingleAsync(l => l.RecommendationId == quoted[1].Id && l.ParagraphId == first.Paragraphs[0].Id);
            Assert.Equal(first.Id, waited.DocumentId);

            static string Fact(FactEntity f) => $"{f.Id}|{f.Conflict}|{f.ConflictReason}|{f.AttestationCount}|{f.DocumentCount}|{f.PopulationJson}";
            Assert.Equal(
                analysis.Facts.Select(CorpusEntityMapper.MapFact).Select(Fact).Order(StringComparer.Ordinal),
                (await db.Facts.ToListAsync()).Select(Fact).Order(StringComparer.Ordinal));
            Assert.Equal(
                analysis.Facts.SelectMany(f => f.Attestations.Select(a => $"{a.IndicatorId}|{f.Id}")).Order(StringComparer.Ordinal),
                (await db.Indicators.Where(i => i.FactId != null).Select(i => i.Id + "|" + i.FactId).ToListAsync()).Order(StringComparer.Ordinal));

            var entities = analysis.Entities.Select(e => CorpusEntityMapper.MapEntity(new EntitySummary(e.Id, e.Kind, e.Name, e.Attributes, e.Disagreements,
                e.Mentions.Count, e.Mentions.Select(m => m.DocumentId).Distinct().Count(), [.. e.Mentions.Select(m => m.Quote)])));
            Assert.Equal(
                entities.Select(e => $"{e.Id}|{e.SortKey}|{e.Name}|{e.MentionCount}|{e.DocumentCount}|{e.AttributesJson}|{e.DisagreementsJson}|{e.SearchText}"),
                (await db.NamedEntities.ToListAsync()).OrderBy(e => e.Id, StringComparer.Ordinal)
                    .Select(e => $"{e.Id}|{e.SortKey}|{e.Name}|{e.MentionCount}|{e.DocumentCount}|{e.AttributesJson}|{e.DisagreementsJson}|{e.SearchText}"));
            Assert.Equal(analysis.EntityMentions.Count, await db.EntityMentions.CountAsync());
            Assert.Equal(analysis.Themes.Count, await db.ThemeTags.CountAsync());
        });
    }

    [Fact]
    public void A_batch_size_below_one_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Ingest:BatchSize", "0")]).Build();
        using var services = new ServiceCollection().AddKzRightsData(configuration, Path.GetTempPath()).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(services.ValidateSettings);
        Assert.Contains("Ingest:BatchSize must be at least 1", error.Message, StringComparison.Ordinal);
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
        var (broken, file) = CopyCorpusWith(good, "ccpr-c-kaz-co-3", "\n5. The Committee notes the adoption", "\nThe Committee notes the adoption");
        try
        {
            var error = await Assert.ThrowsAsync<ParseException>(() => store.IngestAsync(broken, force: false));
            Assert.Equal(file, error.File);
            Assert.True(error.Line > 0);
            Assert.Equal(before, await store.SnapshotAsync());
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_ingest_command_on_an_unreadable_document_exits_1_with_file_line_and_expectation_and_keeps_the_data(string provider)
    {
        await using var store = new IngestStore(provider);
        var good = CorpusParser.LocateCorpusDirectory();
        Assert.Equal(0, (await store.RunIngestCommandAsync(good)).ExitCode);
        var before = await store.SnapshotAsync();

        // The next CEDAW replies print a session line this build cannot read as an ordinal.
        var (broken, file) = CopyCorpusWith(good, "cedaw-c-kaz-rq-6", "\nNinety-third session\n", "\nNinety-thirdth session\n");
        try
        {
            var (exitCode, output, errors) = await store.RunIngestCommandAsync(broken);
            Assert.Equal(1, exitCode);
            var message = Assert.Single(errors.Split('\n'), l => l.Contains(file, StringComparison.Ordinal));
            Assert.Contains($"ingest failed, stored data unchanged: {file}:2: ", message, StringComparison.Ordinal);
            Assert.Contains("expected a session ordinal", message, StringComparison.Ordinal);
            Assert.DoesNotContain("ingested", output, StringComparison.Ordinal);
            Assert.Equal(before, await store.SnapshotAsync());

            var again = await store.RunIngestCommandAsync(good);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("already current", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    /// <summary>A copy of the corpus in which one document's text is edited and the manifest's hash updated to
    /// match, so that only the layout can refuse it.</summary>
    private static (string Directory, string File) CopyCorpusWith(string corpus, string slug, string find, string replace)
    {
        var copy = Directory.CreateTempSubdirectory("kzrights-edited-corpus-").FullName;
        foreach (var file in Directory.GetFiles(corpus))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var document = CorpusManifest.Load(copy).Documents.Single(d => d.Slug == slug);
        var path = Path.Combine(copy, document.SourceFile);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        var manifestText = File.ReadAllText(Path.Combine(copy, CorpusManifest.FileName))
            .Replace(document.Sha256, CorpusManifest.Sha256Hex(File.ReadAllBytes(path)), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(copy, CorpusManifest.FileName), manifestText);
        return (copy, document.SourceFile);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Read_model_json_stored_as_text_before_the_utf8_migration_reads_back_as_the_same_utf8_bytes(string provider)
    {
        await using var store = new IngestStore(provider);
        // Cyrillic, a backslash escape and the release token: the characters a wrong conversion would change.
        const string json = """{"text":"Қазақстан: \"квота\" 30%\n","citation":"CCPR/C/KAZ/CO/3, para. 20⟦release⟧"}""";
        await store.WithContextAsync(async db =>
        {
            var utf8 = await MigrationStep.BeforeAsync(db, "ServedJsonAsUtf8");
            await db.Database.ExecuteSqlAsync($"INSERT INTO served_records (\"Type\", \"RecordId\", \"Json\") VALUES ('paragraph', 'a/1', {json})");
            await utf8.ApplyAllAsync();
            var stored = await db.ServedRecords.AsNoTracking().SingleAsync();
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(json), stored.Json);
        });
    }

    [PostgresFact]
    public async Task Rankings_stored_under_the_repeated_lexemes_of_an_older_build_are_found_by_the_tsquery_a_search_builds_now()
    {
        await using var store = new IngestStore("postgres");
        await store.WithContextAsync(async db =>
        {
            var rekey = await MigrationStep.BeforeAsync(db, "RankedSearchKeysNameEachLexemeOnce");
            // Keys as the older build wrote them: every form's english and russian lexemes, repeated or not.
            string[] older =
            [
                "'court' | 'court'", "( 'death' | 'death' ) & ( 'penalti' | 'penalti' )", "'woman' | 'woman' | 'women' | 'women'",
                "( 'child' | 'child' | 'children' | 'children' ) & ( 'protect' | 'protect' )", "'квотой' | 'квот'",
            ];
            foreach (var key in older)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO search_ranked_terms (\"Key\", \"Target\", \"Matches\", \"Stored\") VALUES ({key}, 0, 1, 1)");
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO search_ranked_matches (\"Key\", \"Target\", \"Position\", \"Id\", \"Score\") VALUES ({key}, 0, 1, 'a/1', 0.5)");
            }

            await rekey.ApplyAsync();
            string[] searches = ["court", "penalty death", "women", "protect children", "квотой"];
            var now = new List<string>();
            foreach (var search in searches)
            {
                now.Add(await RankedSearchTests.TsQueryTextAsync(db, search));
            }

            Assert.Equal(now.Order(StringComparer.Ordinal), (await db.Database.SqlQuery<string>(
                $"SELECT \"Key\" AS \"Value\" FROM search_ranked_terms").ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(now.Order(StringComparer.Ordinal), (await db.Database.SqlQuery<string>(
                $"SELECT \"Key\" AS \"Value\" FROM search_ranked_matches").ToListAsync()).Order(StringComparer.Ordinal));
        });
    }

    [PostgresFact]
    public async Task Rankings_stored_a_row_per_match_by_an_older_build_move_into_their_rankings_arrays_in_order_and_back()
    {
        await using var store = new IngestStore("postgres");
        await store.WithContextAsync(async db =>
        {
            var arrays = await MigrationStep.BeforeAsync(db, "RankedSearchMatchesKeptAsArrays");
            // Two rankings of one word, their matches written out of position order; a third ranking keeps no match.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_ranked_terms (\"Key\", \"Target\", \"Matches\", \"Stored\", \"LastScore\", \"LastId\") VALUES " +
                "('''court''', 0, 9, 3, 0.25, 'c/3'), ('''court''', 1, 2, 2, 0.5, 'r/2'), ('''death'' & ''penalti''', 0, 0, 0, NULL, NULL)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_ranked_matches (\"Key\", \"Target\", \"Position\", \"Id\", \"Score\") VALUES " +
                "('''court''', 0, 3, 'c/3', 0.25), ('''court''', 0, 1, 'c/1', 0.75), ('''court''', 1, 2, 'r/2', 0.5), " +
                "('''court''', 0, 2, 'c/2', 0.5), ('''court''', 1, 1, 'r/1', 0.5)");

            await arrays.ApplyAsync();
            var moved = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Key\" || '/' || \"Target\" || ': ' || array_to_string(\"Ids\", ',') || ' ' || array_to_string(\"Scores\", ',') AS \"Value\" " +
                "FROM search_ranked_terms ORDER BY \"Key\", \"Target\"").ToListAsync();
            Assert.Equal(["'court'/0: c/1,c/2,c/3 0.75,0.5,0.25", "'court'/1: r/1,r/2 0.5,0.5", "'death' & 'penalti'/0:  "], moved);

            await arrays.RevertAsync();
            var back = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Key\" || '/' || \"Target\" || '/' || \"Position\" || ' ' || \"Id\" || ' ' || \"Score\" AS \"Value\" " +
                "FROM search_ranked_matches ORDER BY \"Key\", \"Target\", \"Position\"").ToListAsync();
            Assert.Equal(["'court'/0/1 c/1 0.75", "'court'/0/2 c/2 0.5", "'court'/0/3 c/3 0.25", "'court'/1/1 r/1 0.5", "'court'/1/2 r/2 0.5"], back);
        });
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Every_stored_paragraph_recommendation_and_indicator_holds_its_rows_sort_key_after_an_ingest_and_after_the_migration(string provider)
    {
        // Whole-table list pages are read from the read model by these keys: a record without its key would drop out of them.
        await using var store = new IngestStore(provider);
        Assert.True((await store.IngestAsync(CorpusParser.LocateCorpusDirectory(), force: false)).Ingested);
        await store.WithContextAsync(async db =>
        {
            var rows = await RowSortKeysAsync(db);
            var ingested = await StoredSortKeysAsync(db);
            Assert.Equal(rows, ingested);
            Assert.Contains(ingested, k => k.StartsWith("indicator ", StringComparison.Ordinal) && !k.EndsWith(" -", StringComparison.Ordinal));

            // The migration that added the column, applied to records stored without it, copies the same keys.
            var step = await MigrationStep.BeforeAsync(db, "ServedRecordSortKeys");
            await step.ApplyAsync();
            Assert.Equal(rows, await StoredSortKeysAsync(db));
        });

        static async Task<List<string>> StoredSortKeysAsync(KzRightsDbContext db) =>
            (await db.ServedRecords.AsNoTracking().Select(s => new { s.Type, s.RecordId, s.SortKey }).ToListAsync())
            .ConvertAll(s => $"{s.Type} {s.RecordId} {s.SortKey ?? "-"}").Order(StringComparer.Ordinal).ToList();

        // Each listed row's key, and no key for the records of the other types.
        static async Task<List<string>> RowSortKeysAsync(KzRightsDbContext db)
        {
            string[] listed = [RecordTypes.Paragraph, RecordTypes.Recommendation, RecordTypes.Indicator];
            var keys = new List<string>();
            keys.AddRange((await db.Paragraphs.AsNoTracking().Select(r => new { r.Id, r.SortKey }).ToListAsync()).Select(r => $"paragraph {r.Id} {r.SortKey}"));
            keys.AddRange((await db.Recommendations.AsNoTracking().Select(r => new { r.Id, r.SortKey }).ToListAsync())
                .Select(r => $"recommendation {r.Id} {r.SortKey}"));
            keys.AddRange((await db.Indicators.AsNoTracking().Select(r => new { r.Id, r.SortKey }).ToListAsync()).Select(r => $"indicator {r.Id} {r.SortKey}"));
            keys.AddRange((await db.ServedRecords.AsNoTracking().Where(s => !listed.Contains(s.Type)).Select(s => new { s.Type, s.RecordId }).ToListAsync())
                .Select(s => $"{s.Type} {s.RecordId} -"));
            return keys.Order(StringComparer.Ordinal).ToList();
        }
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task Building_the_read_model_counts_the_paragraph_list_once_not_on_every_page(string provider)
    {
        // Pages of 50: about 21 pages of paragraphs. Counting the unchanged list again for each page grew with the square of
        // the corpus (half a second a page at 1,000,000 paragraphs on PostgreSQL).
        await using var store = new IngestStore(provider, ("Ingest:BatchSize", "50"));
        using var counts = new CommandCounter(store.DatabaseMarker, UnfilteredParagraphCount());
        var result = await store.IngestAsync(CorpusParser.LocateCorpusDirectory(), force: false);

        Assert.True(result.Ingested);
        Assert.True(result.Release!.Counts["paragraph"] > 1000);
        Assert.InRange(counts.Count, 1, 2);
    }

    [Theory]
    [MemberData(nameof(ApiFixture.Providers), MemberType = typeof(ApiFixture))]
    public async Task The_ingest_runs_its_statements_with_its_own_command_timeout_not_the_providers_30_seconds(string provider)
    {
        // At 1,000,000 paragraphs the copy of the release's record hashes ran past 30 s and the whole ingest began again.
        await using var store = new IngestStore(provider, ("Ingest:CommandTimeoutSeconds", "1234"));
        using var copies = new CommandCounter(store.DatabaseMarker, new("^INSERT INTO \"?release_records\"?", RegexOptions.IgnoreCase));
        Assert.True((await store.IngestAsync(CorpusParser.LocateCorpusDirectory(), force: false)).Ingested);

        Assert.Equal(1, copies.Count);
        Assert.Equal([1234], copies.Timeouts);
    }

    [PostgresFact]
    public async Task An_ingest_on_postgres_analyzes_the_tables_it_wrote_before_reading_them_back_and_vacuums_them_after_the_commit()
    {
        // Without statistics the planner takes "x = ANY(@ids)" with a page of ids to match most of a table and scans it all.
        // Without the VACUUM, a re-ingest leaves every replaced row dead for autovacuum to clear while the release is served.
        await using var store = new IngestStore("postgres");
        var corpus = CorpusParser.LocateCorpusDirectory();
        await store.IngestAsync(corpus, force: false);
        await store.IngestAsync(corpus, force: true);
        await store.WithContextAsync(async db =>
        {
            string[] read = ["paragraphs", "indicators", "theme_tags", "response_links", "sub_items", "footnotes", "entity_mentions", "search_vectors"];
            // Manual counts only (autovacuum has counters of its own): two ingests, each an ANALYZE inside its transaction
            // and a VACUUM (ANALYZE) after it, so four analyses and two vacuums of every table.
            var tables = await db.Database.SqlQueryRaw<TableStatistics>(
                "SELECT relname::text AS \"Table\", analyze_count AS \"Analyzed\", vacuum_count AS \"Vacuumed\", n_dead_tup AS \"Dead\" " +
                "FROM pg_stat_user_tables").ToListAsync();
            foreach (var table in read)
            {
                var statistics = Assert.Single(tables, t => t.Table == table);
                Assert.True(statistics.Analyzed >= 4, $"{table} analyzed {statistics.Analyzed} times");
                Assert.True(statistics.Vacuumed >= 2, $"{table} vacuumed {statistics.Vacuumed} times");
                Assert.Equal(0, statistics.Dead);
            }
        });
    }

    private sealed record TableStatistics(string Table, long Analyzed, long Vacuumed, long Dead);

    private static Regex UnfilteredParagraphCount() =>
        new("""^\s*SELECT\s+count\(\*\)\S*\s+FROM\s+"?paragraphs"?\s+AS\s+"?p"?\s*$""", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    /// <summary>Counts the commands EF Core sends to one database (its connection string contains <c>databaseMarker</c>)
    /// whose text matches <c>sql</c>, from EF Core's diagnostic events (tests of other classes run at the same time).</summary>
    private sealed class CommandCounter : IObserver<System.Diagnostics.DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _databaseMarker;
        private readonly Regex _sql;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _timeouts = new();
        private int _count;

        public CommandCounter(string databaseMarker, Regex sql)
        {
            _databaseMarker = databaseMarker;
            _sql = sql;
            // Subscribing calls OnNext for the listeners that exist (adding under the lock), and a listener created on
            // another thread meanwhile may too: the list is only touched under its lock.
            var all = System.Diagnostics.DiagnosticListener.AllListeners.Subscribe(this);
            lock (_subscriptions)
            {
                _subscriptions.Add(all);
            }
        }

        public int Count => Volatile.Read(ref _count);

        /// <summary>The command timeout (seconds) of each counted command.</summary>
        public IReadOnlyList<int> Timeouts => [.. _timeouts];

        public void OnNext(System.Diagnostics.DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData { Command: var command }
                && command.Connection?.ConnectionString.Contains(_databaseMarker, StringComparison.Ordinal) == true
                && _sql.IsMatch(command.CommandText))
            {
                _timeouts.Enqueue(command.CommandTimeout);
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
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
        private readonly Dictionary<string, string?> _settings;
        private readonly string _databaseName = "kzrights_ingest_" + Guid.NewGuid().ToString("N")[..12];

        public IngestStore(string provider, params (string Key, string Value)[] extraSettings)
        {
            var settings = _settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
                ["ConnectionStrings:KzRights"] = provider == "postgres"
                    ? new Npgsql.NpgsqlConnectionStringBuilder(ApiFixture.PostgresConnectionString) { Database = _databaseName }.ConnectionString
                    : DataServiceCollectionExtensions.DefaultSqliteConnectionString(_directory),
            };
            foreach (var (key, value) in extraSettings)
            {
                settings[key] = value;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            _services = new ServiceCollection().AddLogging().AddKzRightsData(configuration, _directory).BuildServiceProvider();
        }

        /// <summary>What this store's connection string holds and no other test's does (its database or its directory).</summary>
        public string DatabaseMarker => _settings["Database:Provider"] == "Postgres" ? _databaseName : _directory;

        public async Task MigrateAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().MigrateAsync();
        }

        public async Task WithContextAsync(Func<KzRightsDbContext, Task> use)
        {
            await using var scope = _services.CreateAsyncScope();
            await use(scope.ServiceProvider.GetRequiredService<KzRightsDbContext>());
        }

        public async Task<IngestResult> IngestAsync(string corpus, bool force)
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CorpusIngestor>().EnsureIngestedAsync(corpus, force);
        }

        /// <summary>Runs <c>KzRights.Api ingest</c> as its own process (as <c>dotnet run --project src/KzRights.Api --
        /// ingest</c> would) on this store's database and <paramref name="corpus"/>.</summary>
        public async Task<(int ExitCode, string Output, string Errors)> RunIngestCommandAsync(string corpus)
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                WorkingDirectory = _directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KzRights.Api.dll"));
            start.ArgumentList.Add("ingest");
            foreach (var (key, value) in _settings)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["Corpus__Directory"] = corpus;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            return (process.ExitCode, await output, await errors);
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
            return string.Join(
                '\n',
                paragraphs.Concat(recommendations).Concat(sections).Append(links.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>The read model (every served record's JSON), the latest release's record hashes and the row count
        /// of every table, in a fixed order: equal lists mean the ingest wrote the same.</summary>
        public async Task<List<string>> StoredRecordsAsync()
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
            var served = (await db.ServedRecords.ToListAsync())
                .Select(r => r.Type + " " + r.RecordId + " " + System.Text.Encoding.UTF8.GetString(r.Json)).Order(StringComparer.Ordinal);
            var hashes = (await db.ReleaseRecords.Select(r => r.Type + " " + r.RecordId + " " + r.DocumentId + " " + r.Sha256).ToListAsync())
                .Order(StringComparer.Ordinal);
            var counts = new[]
            {
                await db.Sections.CountAsync(), await db.SubItems.CountAsync(), await db.Footnotes.CountAsync(), await db.SourceReferences.CountAsync(),
                await db.DocumentDates.CountAsync(), await db.TranslationLinks.CountAsync(), await db.ThemeTags.CountAsync(), await db.Indicators.CountAsync(),
                await db.Quotas.CountAsync(), await db.SeriesPoints.CountAsync(), await db.Facts.CountAsync(), await db.EntityMentions.CountAsync(),
            }.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return [.. served, .. hashes, .. counts];
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

    /// <summary>One migration, for tests of what it does to rows an older build wrote: the database is first migrated to the
    /// migration before it.</summary>
    private sealed record MigrationStep(Microsoft.EntityFrameworkCore.Migrations.IMigrator Migrator, string Previous, string Migration)
    {
        /// <summary>Migrates <paramref name="db"/> to the migration before the one named <paramref name="name"/> (its id without
        /// the timestamp).</summary>
        public static async Task<MigrationStep> BeforeAsync(KzRightsDbContext db, string name)
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal));
            Assert.True(index > 0, $"no migration {name} after another");
            var step = new MigrationStep(
                Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db),
                migrations[index - 1],
                migrations[index]);
            await step.RevertAsync();
            return step;
        }

        public Task ApplyAsync() => Migrator.MigrateAsync(Migration);

        /// <summary>This migration and every later one.</summary>
        public Task ApplyAllAsync() => Migrator.MigrateAsync();

        public Task RevertAsync() => Migrator.MigrateAsync(Previous);
    }
}
