using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class ThemeQueries(KzRightsDbContext db)
{
    public static readonly IReadOnlyList<string> Kinds = ["theme", "sdg"];

    public async Task<Page<ThemeDto>> ListAsync(string? kind, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(kind, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<ThemeDto>> ListPageAsync(string? kind, int limit, string? cursor, CancellationToken ct)
    {
        var scope = $"themes\n{kind}";
        var after = Cursor.Decode(scope, cursor);
        var query = db.Themes.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(t => t.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        if (after is not null)
        {
            var ordinal = int.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var o)
                ? o
                : throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
            query = query.Where(t => t.Ordinal > ordinal);
        }

        var rows = await query.OrderBy(t => t.Ordinal).Take(limit + 1).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var counts = (await db.ThemeTags.AsNoTracking().Where(t => ids.Contains(t.ThemeId))
                .GroupBy(t => new { t.ThemeId, t.TargetType })
                .Select(g => new { g.Key.ThemeId, g.Key.TargetType, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.ThemeId, StringComparer.Ordinal);
        int Count(string themeId, string type) => counts[themeId].Where(c => c.TargetType == type).Sum(c => c.Count);

        var dtos = rows.Select(r => new ThemeDto(r.Id, r.Name, r.Kind, r.GoalNumber,
            new ThemeCountsDto(Count(r.Id, "paragraph"), Count(r.Id, "recommendation"), Count(r.Id, "indicator")))).ToList();
        var ordinals = rows.ToDictionary(r => r.Id, r => r.Ordinal, StringComparer.Ordinal);
        return Paging.Slice(dtos, limit, total, scope, t => ordinals[t.Id].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<bool> ExistsAsync(string themeId, CancellationToken ct) =>
        await db.Themes.AnyAsync(t => t.Id == themeId, ct);

    /// <summary>The themes of a batch of records of one type, strongest first.</summary>
    internal static async Task<ILookup<string, ThemeTagDto>> TagsAsync(KzRightsDbContext db, string targetType, string[] ids, CancellationToken ct) =>
        (await db.ThemeTags.AsNoTracking()
            .Where(t => t.TargetType == targetType && ids.Contains(t.TargetId))
            .Join(db.Themes, t => t.ThemeId, th => th.Id, (t, th) => new { t.TargetId, t.ThemeId, th.Name, th.Kind, t.Confidence, t.Reason })
            .ToListAsync(ct))
        .OrderByDescending(x => x.Confidence)
        .ThenBy(x => x.ThemeId, StringComparer.Ordinal)
        .ToLookup(x => x.TargetId, x => new ThemeTagDto(x.ThemeId, x.Name, x.Kind, x.Confidence, x.Reason), StringComparer.Ordinal);
}
