using KzRights.Data.Entities;
using KzRights.Data.Tables;
using KzRights.Parsing.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class ThemeQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    public static readonly IReadOnlyList<string> Kinds = ["theme", "sdg"];

    public async Task<Page<ThemeDto>> ListAsync(string? kind, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(kind, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<ThemeDto>> ListPageAsync(string? kind, int limit, string? cursor, CancellationToken ct) =>
        await Keyset.PageByOrdinalAsync(Filtered(kind), Scope(kind), cursor, limit, rows => ToDtosAsync(rows, ct), ct, release: release);

    /// <summary>The themes of a kind as a table (CSV/NDJSON answers).</summary>
    public TableQuery Table(string? kind) => TableQuery.ByOrdinal(db, Tables.Tables.Themes, Filtered(kind), Scope(kind));

    private static string Scope(string? kind) => $"themes\n{kind}";

    private IQueryable<ThemeEntity> Filtered(string? kind) =>
        kind is null ? db.Themes.Untracked() : db.Themes.Untracked().Where(t => t.Kind == kind);

    private async Task<List<ThemeDto>> ToDtosAsync(List<ThemeEntity> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var counts = (await db.ThemeTags.Untracked().Where(t => ids.Contains(t.ThemeId))
                .GroupBy(t => new { t.ThemeId, t.TargetType })
                .Select(g => new { g.Key.ThemeId, g.Key.TargetType, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.ThemeId, StringComparer.Ordinal);
        int Count(string themeId, string type) => counts[themeId].Where(c => c.TargetType == type).Sum(c => c.Count);

        return rows.Select(r => new ThemeDto(r.Id, r.Name, r.Kind, r.GoalNumber,
            new ThemeCountsDto(Count(r.Id, ThemeTargets.Paragraph), Count(r.Id, ThemeTargets.Recommendation), Count(r.Id, ThemeTargets.Indicator)))).ToList();
    }

    public async Task<ThemeDto?> GetAsync(string id, CancellationToken ct) =>
        await ReadModel.StoredHydration.TryLoadOneAsync<ThemeDto>(db, release, Releases.RecordTypes.Theme, id, ct)
        ?? (await ToDtosAsync(await db.Themes.Untracked().Where(t => t.Id == id).ToListAsync(ct), ct)).SingleOrDefault();

    /// <summary>One theme as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<ReadModel.Served<ThemeDto>?> GetServedAsync(string id, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Theme, id, () => GetAsync(id, ct), ct);

    /// <summary>The themes of a batch of records of one type, strongest first.</summary>
    internal static async Task<ILookup<string, ThemeTagDto>> TagsAsync(KzRightsDbContext db, string targetType, string[] ids, CancellationToken ct) =>
        (await db.ThemeTags.Untracked()
            .Where(t => t.TargetType == targetType && ids.Contains(t.TargetId))
            .Join(db.Themes, t => t.ThemeId, th => th.Id, (t, th) => new { t.TargetId, t.ThemeId, th.Name, th.Kind, t.Confidence, t.Reason })
            .ToListAsync(ct))
        .OrderByDescending(x => x.Confidence)
        .ThenBy(x => x.ThemeId, StringComparer.Ordinal)
        .ToLookup(x => x.TargetId, x => new ThemeTagDto(x.ThemeId, x.Name, x.Kind, x.Confidence, x.Reason), StringComparer.Ordinal);
}
