using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class SeriesQueries(KzRightsDbContext db)
{
    public async Task<Page<SeriesDto>> ListAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(document, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<SeriesDto>> ListPageAsync(string? document, int limit, string? cursor, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, document, ct);
        var scope = $"series\n{document}";
        var query = db.Series.AsNoTracking();
        if (document is not null)
        {
            query = query.Where(s => s.DocumentId == document);
        }

        return await Keyset.PageAsync(query, scope, cursor, limit, rows => Task.FromResult(rows.Select(ToDto).ToList()), ct, include: q => q.Include(s => s.Points));
    }

    public async Task<SeriesDto?> GetAsync(string key, CancellationToken ct) =>
        (await GetManyAsync([key], ct)).GetValueOrDefault(key);

    public async Task<IReadOnlyDictionary<string, SeriesDto>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        (await db.Series.AsNoTracking().Where(s => keys.Contains(s.Key)).Include(s => s.Points).ToListAsync(ct))
            .ToDictionary(s => s.Key, ToDto, StringComparer.Ordinal);

    private static SeriesDto ToDto(SeriesEntity s) =>
        new(s.Key, s.DocumentId, s.ParagraphId, s.Subject, s.Unit, s.Kind,
            s.Points.OrderBy(p => p.Ordinal).Select(p => new SeriesPointDto(new PeriodDto(p.PeriodLabel, p.PeriodStart, p.PeriodEnd), p.Value, p.Scale, p.IndicatorId)).ToArray());
}
