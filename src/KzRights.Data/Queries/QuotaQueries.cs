using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class QuotaQueries(KzRightsDbContext db)
{
    public async Task<Page<QuotaDto>> ListAsync(string? document, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(document, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<QuotaDto>> ListPageAsync(string? document, int limit, string? cursor, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, document, ct);
        var scope = $"quotas\n{document}";
        var query = db.Quotas.AsNoTracking();
        if (document is not null)
        {
            query = query.Where(q => q.DocumentId == document);
        }

        return await Keyset.PageAsync(query, scope, cursor, limit, rows => Task.FromResult(rows.Select(ToDto).ToList()), ct);
    }

    public async Task<QuotaDto?> GetAsync(string id, CancellationToken ct) =>
        await db.Quotas.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) is { } row ? ToDto(row) : null;

    private static QuotaDto ToDto(QuotaEntity q) =>
        new(q.Id, q.DocumentId, q.ParagraphId, q.Percent, q.PercentUpper, StoredJson.ReadStrings(q.AppliesToJson),
            StoredJson.ReadStrings(q.WhereJson), q.SinceYear, q.IndicatorId, q.Quote, q.Start, q.Length, q.Rule);
}
