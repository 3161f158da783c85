using System.Security.Cryptography;
using System.Text;
using KzRights.Data.Entities;
using KzRights.Data.Ingest;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Publishes a release when the stored data differs from the latest release. Called by the ingest inside its
/// transaction, after the normalized tables were replaced: every record is read back through the query services (the
/// representation the API serves, embedded indicators, links and themes included), hashed, stored as the read model, and compared.
/// Records are built and stored one keyset page of <see cref="IngestOptions.BatchSize"/> at a time and only their hashes
/// are kept, so memory does not grow with the served JSON of the whole corpus.</summary>
public sealed class ReleasePublisher(
    KzRightsDbContext db,
    Providers.KzRightsDatabaseProvider provider,
    IEnumerable<IReleasePublishingHandler> handlers,
    IngestOptions options,
    TimeProvider clock)
{
    /// <summary>The new release, or null when every record hashes as in the latest release.</summary>
    public async Task<ReleaseDto?> PublishIfChangedAsync(string manifestSha256, CancellationToken ct, IProgress<string>? progress = null)
    {
        // The read model is rewritten by every ingest (the ingest emptied it with the normalized tables), published or not.
        var records = await StoreRecordsAsync(progress, ct);
        IngestMemory.CollectBetweenSteps();
        var content = ContentHash(records);
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

        var counts = records.CountBy(r => r.Type).ToDictionary(StringComparer.Ordinal);
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
        progress?.Report($"writing the {records.Count} record hashes of release {id}");
        db.Releases.Add(release);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var batch in records.Chunk(options.BatchSize))
        {
            db.ReleaseRecords.AddRange(batch.Select(r => new ReleaseRecordEntity
            {
                ReleaseId = id,
                Type = r.Type,
                RecordId = r.Id,
                DocumentId = r.DocumentId,
                Sha256 = r.Sha256,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var dto = ReleaseQueries.ToDto(release);
        var publication = new ReleasePublication(dto, db, new ReleaseQueries(db));
        foreach (var handler in handlers)
        {
            progress?.Report($"publishing: {handler.GetType().Name}");
            await handler.OnPublishingAsync(publication, ct);
        }

        return dto;
    }

    private sealed record HashedRecord(string Type, string Id, string? DocumentId, string Sha256);

    /// <summary>SHA-256 of the lines "type id sha256\n" of every record in (type, id) order, fed line by line: the text of
    /// every line at once would be hundreds of megabytes at a million records.</summary>
    private static string ContentHash(IEnumerable<HashedRecord> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in records.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{r.Type} {r.Id} {r.Sha256}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every record as the API serves it, built once from the normalized tables, a page at a time: each page is
    /// stored as the read model and hashed for the release; the hashes are returned.</summary>
    private async Task<List<HashedRecord>> StoreRecordsAsync(IProgress<string>? progress, CancellationToken ct)
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
        var records = new List<HashedRecord>();
        // Document ids repeat on every record of a document: one string each instead of one per record.
        var documentIds = new Dictionary<string, string>(StringComparer.Ordinal);

        var reported = string.Empty;
        async Task StoreAsync<T>(string type, IEnumerable<(string Id, string? DocumentId, T Record)> page)
        {
            if (type != reported)
            {
                progress?.Report($"read model and hashes: {type} records");
                reported = type;
            }

            foreach (var (id, documentId, record) in page)
            {
                var shared = documentId is null ? null : documentIds.TryAdd(documentId, documentId) ? documentId : documentIds[documentId];
                records.Add(new HashedRecord(type, id, shared, RecordHash.Of(record)));
                db.ServedRecords.Add(ServedRecords.Of(type, id, record));
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
        await EachPageAsync((limit, cursor) => paragraphs.ListAsync(new ParagraphFilter(), limit, cursor, ct),
            page => StoreAsync(RecordTypes.Paragraph, page.Select(p => (p.Id, (string?)p.DocumentId, p))));
        // A recommendation's record embeds every paragraph that responds to it, with their numbers (about 700 responses
        // each at 100,000 paragraphs: a page of 500 took the heap from 370 to 826 MB): built a few recommendations at a
        // time, up to a batch of response links (at least one recommendation) each.
        await EachPageAsync((limit, cursor) => recommendations.ResponseCountsAsync(limit, cursor, ct), async page =>
        {
            foreach (var batch in ByWeight(page, r => r.Responses))
            {
                var full = await recommendations.GetManyAsync(batch.Select(r => r.Id).ToArray(), ct);
                await StoreAsync(RecordTypes.Recommendation, batch.Select(r => (r.Id, full[r.Id].SourceDocumentId, full[r.Id])));
            }
        });
        await EachPageAsync((limit, cursor) => indicators.ListAsync(new IndicatorFilter(), limit, cursor, ct),
            page => StoreAsync(RecordTypes.Indicator, page.Select(i => (i.Id, (string?)i.DocumentId, i))));
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
            }
        });
        return records;
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

    private async Task EachPageAsync<T>(Func<int, string?, Task<Page<T>>> list, Func<IReadOnlyList<T>, Task> each)
    {
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
