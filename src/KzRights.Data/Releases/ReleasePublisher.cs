using System.Security.Cryptography;
using System.Text;
using KzRights.Data.Entities;
using KzRights.Data.Ingest;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Search;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Publishes a release when the stored data differs from the latest release. Called by the ingest inside its
/// transaction, after the normalized tables were replaced: every record is read back through the query services (the
/// representation the API serves, embedded indicators, links and themes included), hashed, stored as the read model, and compared.
/// Records are built and stored one keyset page of <see cref="IngestOptions.BatchSize"/> at a time with their hashes, and the
/// release is hashed and its record hashes written from the database, so memory does not grow with the corpus.</summary>
public sealed class ReleasePublisher(
    KzRightsDbContext db,
    Providers.KzRightsDatabaseProvider provider,
    IEnumerable<IReleasePublishingHandler> handlers,
    IngestOptions options,
    TimeProvider clock)
{
    private const int ProgressEvery = 25_000;

    /// <summary>The new release, or null when every record hashes as in the latest release.</summary>
    public async Task<ReleaseDto?> PublishIfChangedAsync(string manifestSha256, CancellationToken ct, IProgress<string>? progress = null)
    {
        // The read model is rewritten by every ingest (the ingest emptied it with the normalized tables), published or not.
        await StoreRecordsAsync(progress, ct);
        IngestMemory.CollectBetweenSteps();
        progress?.Report("hashing the release: every record's hash in (type, id) order");
        var (content, counts) = await ContentHashAsync(ct);
        var previous = await ReleaseQueries.LatestEntityAsync(db, ct);
        if (previous?.ContentSha256 == content)
        {
            return null;
        }

        var publishedAt = clock.GetUtcNow();
        var sequence = (previous?.Sequence ?? 0) + 1;
        var id = $"{publishedAt:yyyy.MM.dd}-{content[..8]}";
        if (await db.Releases.AnyAsync(r => r.Id == id, ct))
        {
            // The same data published again on the same day after other data: the sequence keeps the id unique.
            id += $"-{sequence}";
        }

        var release = new ReleaseEntity
        {
            Id = id,
            Sequence = sequence,
            PreviousReleaseId = previous?.Id,
            PublishedAt = publishedAt,
            ManifestSha256 = manifestSha256,
            ParserVersion = KzRights.Parsing.ParserVersion.Current,
            ContentSha256 = content,
            CountsJson = StoredJson.Write(RecordTypes.All.ToDictionary(t => t, t => counts.GetValueOrDefault(t))),
            License = DataLicense.CurrentId,
        };
        progress?.Report($"writing the {counts.Values.Sum()} record hashes of release {id}");
        db.Releases.Add(release);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await CopyRecordHashesAsync(id, ct);

        var dto = ReleaseQueries.ToDto(release);
        var publication = new ReleasePublication(dto, db, new ReleaseQueries(db, provider));
        // The content hash's lines and the copy are garbage by now: the dataset writer, the largest step after the read
        // model, starts from the live data instead of carrying them.
        IngestMemory.CollectBetweenSteps();
        foreach (var handler in handlers)
        {
            progress?.Report($"publishing: {handler.GetType().Name}");
            await handler.OnPublishingAsync(publication, ct);
        }

        return dto;
    }

    /// <summary>SHA-256 of the lines "type id sha256\n" of every stored record in ordinal (type, id) order, fed line by
    /// line as the database sends them (ordered by the provider's byte-order collation), and the records per type: the
    /// hashes stay in the database however large the corpus, where a list of them was about 0.2 KB per record.</summary>
    private async Task<(string Content, Dictionary<string, int> Counts)> ContentHashAsync(CancellationToken ct)
    {
        var records = db.ServedRecords.Untracked();
        var ordered = provider.SortKeyCollation is { } collation
            ? records.OrderBy(r => EF.Functions.Collate(r.Type, collation)).ThenBy(r => EF.Functions.Collate(r.RecordId, collation))
            : records.OrderBy(r => r.Type).ThenBy(r => r.RecordId);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        (string Type, string Id)? last = null;
        await StreamingReads.RunAsync(db, async () =>
        {
            await foreach (var r in ordered.Select(r => new { r.Type, r.RecordId, r.Sha256 }).AsAsyncEnumerable().WithCancellation(ct))
            {
                // The content hash (and so the release id) is defined by ordinal order: a collation that disagreed would
                // publish other ids for the same data, so it is checked rather than assumed.
                if (last is { } before && OrdinalOrder(before, (r.Type, r.RecordId)) >= 0)
                {
                    throw new InvalidOperationException(
                        $"the database does not order record ids by code point ({before.Type} {before.Id} came before {r.Type} {r.RecordId})");
                }

                last = (r.Type, r.RecordId);
                hash.AppendData(Encoding.UTF8.GetBytes($"{r.Type} {r.RecordId} {r.Sha256}\n"));
                counts[r.Type] = counts.GetValueOrDefault(r.Type) + 1;
            }

            return true;
        });
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), counts);
    }

    private static int OrdinalOrder((string Type, string Id) x, (string Type, string Id) y) =>
        string.CompareOrdinal(x.Type, y.Type) is var byType and not 0 ? byType : string.CompareOrdinal(x.Id, y.Id);

    /// <summary>The release's record hashes, copied from the read model by one INSERT … SELECT in the database (EF Core has
    /// no set-based insert); table and column names come from the model, quoted by the provider.</summary>
    private async Task CopyRecordHashesAsync(string releaseId, CancellationToken ct)
    {
        var names = new ModelSqlNames(db);
        string[] copied = [nameof(ReleaseRecordEntity.Type), nameof(ReleaseRecordEntity.RecordId), nameof(ReleaseRecordEntity.DocumentId),
            nameof(ReleaseRecordEntity.Sha256)];
        var command = $"INSERT INTO {names.Table<ReleaseRecordEntity>()} ({names.Column<ReleaseRecordEntity>(nameof(ReleaseRecordEntity.ReleaseId))}, " +
            $"{string.Join(", ", copied.Select(names.Column<ReleaseRecordEntity>))}) " +
            $"SELECT {{0}}, {string.Join(", ", copied.Select(names.Column<ServedRecordEntity>))} FROM {names.Table<ServedRecordEntity>()}";
        await db.Database.ExecuteSqlRawAsync(command, [releaseId], ct);
    }

    /// <summary>Every record as the API serves it, built once from the normalized tables, a page at a time: each page is
    /// stored as the read model with its hash for the release.</summary>
    private async Task StoreRecordsAsync(IProgress<string>? progress, CancellationToken ct)
    {
        // Citations end in a token instead of a release: a record's hash and stored JSON depend on its content only.
        var building = ReleaseContext.ForReadModel();
        var documents = new DocumentQueries(db, building);
        var paragraphs = new ParagraphQueries(db, new FullTextSearch(db, provider), building);
        var recommendations = new RecommendationQueries(db, building);
        var indicators = new IndicatorQueries(db, building);
        var quotas = new QuotaQueries(db, building);
        var series = new SeriesQueries(db, building);
        var facts = new FactQueries(db, building);
        var themes = new ThemeQueries(db, building);
        var entities = new EntityQueries(db, building);

        var reported = string.Empty;
        var stored = 0;
        async Task StoreAsync<T>(string type, IEnumerable<(string Id, string? DocumentId, T Record)> page, IReadOnlyDictionary<string, string>? sortKeys = null)
        {
            if (type != reported)
            {
                progress?.Report($"read model and hashes: {type} records");
                (reported, stored) = (type, 0);
            }

            foreach (var (id, documentId, record) in page)
            {
                db.ServedRecords.Add(ServedRecords.Of(type, id, documentId, record, sortKeys?[id]));
                // A line now and then within a type, so that memory growing along one step shows in the progress.
                if (++stored % ProgressEvery == 0)
                {
                    progress?.Report($"read model and hashes: {stored} {type} records");
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await EachPageAsync((limit, cursor) => documents.ListAsync(limit, cursor, ct), async page =>
        {
            var details = new List<(string, string?, DocumentDetailDto?)>();
            foreach (var document in page)
            {
                details.Add((document.Id, document.Id, await documents.GetDetailAsync(document.Id, ct)));
            }

            await StoreAsync(RecordTypes.Document, details);
        });
        // The lists that page through a whole table read their records with their rows' sort keys (ServedRecordEntity.SortKey).
        async Task StoreListedAsync<TRow, T>(string type, IReadOnlyCollection<(string Id, string? DocumentId, T Record)> page)
            where TRow : class, IServedRow
        {
            var ids = page.Select(r => r.Id).ToArray();
            var sortKeys = await db.Set<TRow>().Untracked().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.SortKey })
                .ToDictionaryAsync(r => r.Id, r => r.SortKey, StringComparer.Ordinal, ct);
            await StoreAsync(type, page, sortKeys);
        }

        await EachPageAsync((limit, cursor) => paragraphs.ListAsync(new ParagraphFilter(), limit, cursor, ct),
            page => StoreListedAsync<ParagraphEntity, ParagraphDto>(RecordTypes.Paragraph, page.Select(p => (p.Id, (string?)p.DocumentId, p)).ToList()));
        // A recommendation's record embeds every paragraph that responds to it, with their numbers (about 700 responses
        // each at 100,000 paragraphs: a page of 500 took the heap from 370 to 826 MB): built a few recommendations at a
        // time, up to a batch of response links (at least one recommendation) each.
        await EachPageAsync((limit, cursor) => recommendations.ResponseCountsAsync(limit, cursor, ct), async page =>
        {
            foreach (var batch in ByWeight(page, r => r.Responses))
            {
                var full = await recommendations.GetManyAsync(batch.Select(r => r.Id).ToArray(), ct);
                await StoreListedAsync<RecommendationEntity, RecommendationDto>(
                    RecordTypes.Recommendation, batch.Select(r => (r.Id, full[r.Id].SourceDocumentId, full[r.Id])).ToList());
                CollectAfterOversized(batch.Sum(r => r.Responses));
            }
        });
        await EachPageAsync((limit, cursor) => indicators.ListAsync(new IndicatorFilter(), limit, cursor, ct),
            page => StoreListedAsync<IndicatorEntity, IndicatorDto>(RecordTypes.Indicator, page.Select(i => (i.Id, (string?)i.DocumentId, i)).ToList()));
        await EachPageAsync((limit, cursor) => quotas.ListAsync(null, limit, cursor, ct),
            page => StoreAsync(RecordTypes.Quota, page.Select(q => (q.Id, (string?)q.DocumentId, q))));
        await EachPageAsync((limit, cursor) => series.ListAsync(null, limit, cursor, ct),
            page => StoreAsync(RecordTypes.Series, page.Select(s => (s.Key, (string?)s.DocumentId, s))));
        await EachPageAsync((limit, cursor) => facts.ListAsync(null, limit, cursor, ct),
            page => StoreAsync(RecordTypes.Fact, page.Select(f => (f.Id, (string?)null, f))));
        await EachPageAsync((limit, cursor) => themes.ListAsync(null, limit, cursor, ct),
            page => StoreAsync(RecordTypes.Theme, page.Select(t => (t.Id, (string?)null, t))));
        // Lists leave mentions out; the hash covers the whole record as /v1/entities/{id} serves it.
        // An entity's record embeds every mention, thousands for an entity named in every document of a large corpus:
        // built a few entities at a time, up to a batch of mentions (at least one entity) each.
        await EachPageAsync((limit, cursor) => entities.ListAsync(new EntityFilter(), limit, cursor, ct), async page =>
        {
            foreach (var batch in ByWeight(page, e => e.MentionCount))
            {
                var full = await entities.GetManyAsync(batch.Select(e => e.Id).ToArray(), ct);
                await StoreAsync(RecordTypes.Entity, batch.Select(e => (e.Id, (string?)null, full[e.Id])));
                CollectAfterOversized(batch.Sum(e => e.MentionCount));
            }
        });
    }

    /// <summary>After a record heavier than a whole batch (one that embeds more children than
    /// <see cref="IngestOptions.BatchSize"/>), the memory it took is returned before the next one is built. Its JSON, DTOs and
    /// rows are large objects that the server garbage collector leaves for a later full collection: 214 records of 30,816
    /// responses (21 MB of JSON) each, one after another, took the process from 359 to 733 MB; collected after each (and
    /// with their indicators read by column, <see cref="IndicatorQueries"/>), to 557 MB. Only such records pay for the
    /// collection (those 214 took 224 s instead of 137 s, on a busier machine).
    /// </summary>
    private void CollectAfterOversized(int weight)
    {
        if (weight > options.BatchSize)
        {
            IngestMemory.CollectBetweenSteps();
        }
    }

    /// <summary>The page in consecutive batches whose items weigh (embed) at most <see cref="IngestOptions.BatchSize"/> children
    /// together, an item heavier than that alone.</summary>
    private IEnumerable<List<T>> ByWeight<T>(IReadOnlyList<T> page, Func<T, int> weight)
    {
        var batch = new List<T>();
        var total = 0;
        foreach (var item in page)
        {
            if (batch.Count > 0 && total + weight(item) > options.BatchSize)
            {
                yield return batch;
                (batch, total) = ([], 0);
            }

            batch.Add(item);
            total += weight(item);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Every page of one record type. Each type's records are built from tables of their own and several embed
    /// their children (a recommendation its responses, a fact its attestations, an entity its mentions); what one type
    /// left uncollected was the floor of the next one's peak (at 300,212 paragraphs the heap was 224 MB when the entity
    /// records began), so the types are collected apart, like the ingest's steps.</summary>
    private async Task EachPageAsync<T>(Func<int, string?, Task<Page<T>>> list, Func<IReadOnlyList<T>, Task> each)
    {
        IngestMemory.CollectBetweenSteps();
        string? cursor = null;
        do
        {
            var page = await list(options.BatchSize, cursor);
            await each(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
