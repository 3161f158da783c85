using System.Text;
using KzRights.Data.Entities;
using KzRights.Data.Queries;
using KzRights.Data.ReadModel;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Publishes a release when the stored data differs from the latest release. Called by the ingest inside its
/// transaction, after the normalized tables were replaced: every record is read back through the query services (the
/// representation the API serves, embedded indicators, links and themes included), hashed, stored as the read model, and compared.</summary>
public sealed class ReleasePublisher(KzRightsDbContext db, Providers.KzRightsDatabaseProvider provider, IEnumerable<IReleasePublishingHandler> handlers, TimeProvider clock)
{
    /// <summary>The new release, or null when every record hashes as in the latest release.</summary>
    public async Task<ReleaseDto?> PublishIfChangedAsync(string manifestSha256, CancellationToken ct)
    {
        var records = await HashRecordsAsync(ct);
        // The read model is rewritten by every ingest (the ingest emptied it with the normalized tables), published or not.
        db.ServedRecords.AddRange(records.Select(r => r.Served));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
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

        var release = new ReleaseEntity
        {
            Id = id,
            Sequence = sequence,
            PreviousReleaseId = previous?.Id,
            PublishedAt = publishedAt,
            ManifestSha256 = manifestSha256,
            ParserVersion = KzRights.Parsing.ParserVersion.Current,
            ContentSha256 = content,
            CountsJson = StoredJson.Write(RecordTypes.All.ToDictionary(t => t, t => records.Count(r => r.Type == t))),
            License = DataLicense.CurrentId,
        };
        db.Releases.Add(release);
        db.ReleaseRecords.AddRange(records.Select(r => new ReleaseRecordEntity
        {
            ReleaseId = id,
            Type = r.Type,
            RecordId = r.Id,
            DocumentId = r.DocumentId,
            Sha256 = r.Sha256,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var dto = ReleaseQueries.ToDto(release);
        var publication = new ReleasePublication(dto, db, new ReleaseQueries(db));
        foreach (var handler in handlers)
        {
            await handler.OnPublishingAsync(publication, ct);
        }

        return dto;
    }

    private sealed record HashedRecord(string Type, string Id, string? DocumentId, string Sha256, ServedRecordEntity Served);

    private static HashedRecord Hashed<T>(string type, string id, string? documentId, T record) =>
        new(type, id, documentId, RecordHash.Of(record), ServedRecords.Of(type, id, record));

    private static string ContentHash(IEnumerable<HashedRecord> records)
    {
        var lines = new StringBuilder();
        foreach (var r in records.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            lines.Append(r.Type).Append(' ').Append(r.Id).Append(' ').Append(r.Sha256).Append('\n');
        }

        return RecordHash.Hex(Encoding.UTF8.GetBytes(lines.ToString()));
    }

    /// <summary>Every record as the API serves it, built once from the normalized tables: hashed for the release and
    /// stored as the read model.</summary>
    private async Task<List<HashedRecord>> HashRecordsAsync(CancellationToken ct)
    {
        // Citations end in a token instead of a release: a record's hash and stored JSON depend on its content only.
        var building = ReleaseContext.ForReadModel();
        var documents = new DocumentQueries(db, building);
        var paragraphs = new ParagraphQueries(db, new FullTextSearch(db, provider), building);
        var recommendations = new RecommendationQueries(db, building);
        var indicators = new IndicatorQueries(db, building);
        var records = new List<HashedRecord>();

        foreach (var document in await AllAsync((limit, cursor) => documents.ListAsync(limit, cursor, ct)))
        {
            var detail = await documents.GetDetailAsync(document.Id, ct);
            records.Add(Hashed(RecordTypes.Document, document.Id, document.Id, detail));
        }

        records.AddRange((await AllAsync((limit, cursor) => paragraphs.ListAsync(new ParagraphFilter(), limit, cursor, ct)))
            .Select(p => Hashed(RecordTypes.Paragraph, p.Id, p.DocumentId, p)));
        records.AddRange((await AllAsync((limit, cursor) => recommendations.ListAsync(new RecommendationFilter(), limit, cursor, ct)))
            .Select(r => Hashed(RecordTypes.Recommendation, r.Id, r.SourceDocumentId, r)));
        records.AddRange((await AllAsync((limit, cursor) => indicators.ListAsync(new IndicatorFilter(), limit, cursor, ct)))
            .Select(i => Hashed(RecordTypes.Indicator, i.Id, i.DocumentId, i)));
        records.AddRange((await AllAsync((limit, cursor) => new QuotaQueries(db, building).ListAsync(null, limit, cursor, ct)))
            .Select(q => Hashed(RecordTypes.Quota, q.Id, q.DocumentId, q)));
        records.AddRange((await AllAsync((limit, cursor) => new SeriesQueries(db, building).ListAsync(null, limit, cursor, ct)))
            .Select(s => Hashed(RecordTypes.Series, s.Key, s.DocumentId, s)));
        records.AddRange((await AllAsync((limit, cursor) => new FactQueries(db, building).ListAsync(null, limit, cursor, ct)))
            .Select(f => Hashed(RecordTypes.Fact, f.Id, null, f)));
        records.AddRange((await AllAsync((limit, cursor) => new ThemeQueries(db, building).ListAsync(null, limit, cursor, ct)))
            .Select(t => Hashed(RecordTypes.Theme, t.Id, null, t)));
        var entities = new EntityQueries(db, building);
        var entityIds = (await AllAsync((limit, cursor) => entities.ListAsync(new EntityFilter(), limit, cursor, ct))).Select(e => e.Id).ToArray();
        // Lists leave mentions out; the hash covers the whole record as /v1/entities/{id} serves it.
        records.AddRange((await entities.GetManyAsync(entityIds, ct)).Values.Select(e => Hashed(RecordTypes.Entity, e.Id, null, e)));
        return records;
    }

    private static async Task<List<T>> AllAsync<T>(Func<int, string?, Task<Page<T>>> list)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var page = await list(Paging.MaxLimit, cursor);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
