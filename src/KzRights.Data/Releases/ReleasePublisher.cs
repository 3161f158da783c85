using System.Text;
using KzRights.Data.Entities;
using KzRights.Data.Queries;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Releases;

/// <summary>Publishes a release when the stored data differs from the latest release. Called by the ingest inside its
/// transaction, after the normalized tables were replaced: every record is read back through the query services (the
/// representation the API serves, embedded indicators, links and themes included), hashed, and compared.</summary>
public sealed class ReleasePublisher(KzRightsDbContext db, Providers.KzRightsDatabaseProvider provider, IEnumerable<IReleasePublishingHandler> handlers, TimeProvider clock)
{
    /// <summary>The new release, or null when every record hashes as in the latest release.</summary>
    public async Task<ReleaseDto?> PublishIfChangedAsync(string manifestSha256, CancellationToken ct)
    {
        var records = await HashRecordsAsync(ct);
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

    private sealed record HashedRecord(string Type, string Id, string? DocumentId, string Sha256);

    private static string ContentHash(IEnumerable<HashedRecord> records)
    {
        var lines = new StringBuilder();
        foreach (var r in records.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            lines.Append(r.Type).Append(' ').Append(r.Id).Append(' ').Append(r.Sha256).Append('\n');
        }

        return RecordHash.Hex(Encoding.UTF8.GetBytes(lines.ToString()));
    }

    private async Task<List<HashedRecord>> HashRecordsAsync(CancellationToken ct)
    {
        // Citations without a release: a record's hash depends on its content only, not on the release it is in.
        var unpublished = ReleaseContext.Unpublished();
        var documents = new DocumentQueries(db);
        var paragraphs = new ParagraphQueries(db, new FullTextSearch(db, provider), unpublished);
        var recommendations = new RecommendationQueries(db, unpublished);
        var indicators = new IndicatorQueries(db, unpublished);
        var records = new List<HashedRecord>();

        foreach (var document in await AllAsync((limit, cursor) => documents.ListAsync(limit, cursor, ct)))
        {
            var detail = await documents.GetDetailAsync(document.Id, ct);
            records.Add(new(RecordTypes.Document, document.Id, document.Id, RecordHash.Of(detail)));
        }

        records.AddRange((await AllAsync((limit, cursor) => paragraphs.ListAsync(new ParagraphFilter(), limit, cursor, ct)))
            .Select(p => new HashedRecord(RecordTypes.Paragraph, p.Id, p.DocumentId, RecordHash.Of(p))));
        records.AddRange((await AllAsync((limit, cursor) => recommendations.ListAsync(new RecommendationFilter(), limit, cursor, ct)))
            .Select(r => new HashedRecord(RecordTypes.Recommendation, r.Id, r.SourceDocumentId, RecordHash.Of(r))));
        records.AddRange((await AllAsync((limit, cursor) => indicators.ListAsync(new IndicatorFilter(), limit, cursor, ct)))
            .Select(i => new HashedRecord(RecordTypes.Indicator, i.Id, i.DocumentId, RecordHash.Of(i))));
        records.AddRange((await AllAsync((limit, cursor) => new QuotaQueries(db).ListAsync(null, limit, cursor, ct)))
            .Select(q => new HashedRecord(RecordTypes.Quota, q.Id, q.DocumentId, RecordHash.Of(q))));
        records.AddRange((await AllAsync((limit, cursor) => new SeriesQueries(db).ListAsync(null, limit, cursor, ct)))
            .Select(s => new HashedRecord(RecordTypes.Series, s.Key, s.DocumentId, RecordHash.Of(s))));
        records.AddRange((await AllAsync((limit, cursor) => new FactQueries(db).ListAsync(null, limit, cursor, ct)))
            .Select(f => new HashedRecord(RecordTypes.Fact, f.Id, null, RecordHash.Of(f))));
        records.AddRange((await AllAsync((limit, cursor) => new ThemeQueries(db).ListAsync(null, limit, cursor, ct)))
            .Select(t => new HashedRecord(RecordTypes.Theme, t.Id, null, RecordHash.Of(t))));
        var entities = new EntityQueries(db);
        var entityIds = (await AllAsync((limit, cursor) => entities.ListAsync(new EntityFilter(), limit, cursor, ct))).Select(e => e.Id).ToArray();
        // Lists leave mentions out; the hash covers the whole record as /v1/entities/{id} serves it.
        records.AddRange((await entities.GetManyAsync(entityIds, ct)).Values
            .Select(e => new HashedRecord(RecordTypes.Entity, e.Id, null, RecordHash.Of(e))));
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
