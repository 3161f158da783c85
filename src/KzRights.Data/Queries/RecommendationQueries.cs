using KzRights.Data.Entities;
using KzRights.Data.ReadModel;
using KzRights.Data.Releases;
using KzRights.Data.Tables;
using KzRights.Parsing.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Filters of the recommendation list. <see cref="Document"/> matches the document a recommendation comes
/// from and every document that responds to it.</summary>
public sealed record RecommendationFilter(string? Mechanism = null, string? Document = null, bool? FollowUp = null)
{
    public static readonly IReadOnlyList<string> Mechanisms = ["upr", "ccpr", "cedaw", "special-procedures"];

    internal string Scope => $"recommendations\n{Mechanism}\n{Document}\n{FollowUp}";

    /// <summary>Read from an index in sort-key order: the whole list or one mechanism's ((Mechanism, SortKey)).</summary>
    internal bool InSortKeyOrder => Document is null && FollowUp is null;
}

public sealed class RecommendationQueries(KzRightsDbContext db, ReleaseContext release)
{
    public async Task<Page<RecommendationDto>> ListAsync(RecommendationFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page.Map(r => r.Value);

    /// <summary>A page with a cursor per item (GraphQL edges), its records as stored: GraphQL writes their selected fields from the
    /// stored JSON.</summary>
    public Task<CursorPage<Served<RecommendationDto>>> ListPageAsync(RecommendationFilter filter, int limit, string? cursor, CancellationToken ct) =>
        ServedPageAsync(filter, limit, cursor, ct);

    /// <summary>A page as REST answers it: the stored JSON of each record, written as it is.</summary>
    public async Task<Page<Served<RecommendationDto>>> ListServedAsync(RecommendationFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page;

    private async Task<CursorPage<Served<RecommendationDto>>> ServedPageAsync(RecommendationFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await StoredHydration.PageAsync(
            db, release, RecordTypes.Recommendation, await FilteredAsync(filter, ct), filter.Scope, filter.InSortKeyOrder,
            cursor, limit, rows => HydrateAsync(rows, ct), ct);

    /// <summary>The recommendations the filter selects as a table (CSV/NDJSON answers).</summary>
    public async Task<TableQuery> TableAsync(RecommendationFilter filter, CancellationToken ct) =>
        TableQuery.ByKeyset(db, Tables.Tables.Recommendations, await FilteredAsync(filter, ct), filter.Scope);

    private async Task<IQueryable<RecommendationEntity>> FilteredAsync(RecommendationFilter filter, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, filter.Document, ct);
        var query = db.Recommendations.Untracked();
        if (filter.Mechanism is { } mechanism)
        {
            query = query.Where(r => r.Mechanism == mechanism);
        }

        if (filter.Document is { } document)
        {
            query = query.Where(r => r.SourceDocumentId == document || db.ResponseLinks.Any(l => l.RecommendationId == r.Id && l.DocumentId == document));
        }

        if (filter.FollowUp is { } followUp)
        {
            query = query.Where(r => r.FollowUp == followUp);
        }

        return query;
    }

    public async Task<RecommendationDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>One recommendation as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<Served<RecommendationDto>?> GetServedAsync(string id, CancellationToken ct) =>
        StoredHydration.OneAsync(db, release, RecordTypes.Recommendation, id, () => GetAsync(id, ct), ct);

    /// <summary>Batch lookup (REST's single get and GraphQL loaders): one round of queries whatever the number of ids.</summary>
    public async Task<IReadOnlyDictionary<string, RecommendationDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (await StoredHydration.TryLoadAllAsync<RecommendationDto>(db, release, RecordTypes.Recommendation, ids, ct) is { } stored)
        {
            return stored;
        }

        var rows = await db.Recommendations.Untracked().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return (await HydrateAsync(rows, ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Every recommendation's id and number of response links, a keyset page at a time, without building the
    /// records: the read model is built a batch of links at a time from it.</summary>
    internal async Task<Page<(string Id, int Responses)>> ResponseCountsAsync(int limit, string? cursor, CancellationToken ct) =>
        (await Keyset.PageAsync(db.Recommendations.Untracked(), "recommendation-responses", cursor, limit, async rows =>
        {
            var ids = rows.Select(r => r.Id).ToArray();
            var counts = await db.ResponseLinks.Where(l => ids.Contains(l.RecommendationId))
                .GroupBy(l => l.RecommendationId)
                .Select(g => new { Id = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Id, c => c.Count, StringComparer.Ordinal, ct);
            return rows.Select(r => (r.Id, counts.GetValueOrDefault(r.Id))).ToList();
        }, ct)).Page;

    private Task<List<RecommendationDto>> HydrateAsync(IReadOnlyList<RecommendationEntity> rows, CancellationToken ct) =>
        StoredHydration.HydrateAsync(db, release, RecordTypes.Recommendation, rows, r => r.Id, built => BuildAsync(built, ct), ct);

    private async Task<List<RecommendationDto>> BuildAsync(IReadOnlyList<RecommendationEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var responses = (await db.ResponseLinks.Untracked()
                .Where(l => ids.Contains(l.RecommendationId))
                .Join(
                    db.Paragraphs,
                    l => l.ParagraphId,
                    p => p.Id,
                    (l, p) => new { l.RecommendationId, l.ParagraphId, l.DocumentId, l.Relation, l.Evidence, p.SortKey })
                .ToListAsync(ct))
            .OrderBy(x => x.SortKey, StringComparer.Ordinal)
            .ThenBy(x => x.Relation, StringComparer.Ordinal)
            .ToLookup(x => x.RecommendationId, StringComparer.Ordinal);

        var themes = await ThemeQueries.TagsAsync(db, ThemeTargets.Recommendation, ids, ct);
        // A recommendation's numbers are those of the paragraphs that state it or respond to it.
        var paragraphIds = responses.SelectMany(g => g.Select(x => x.ParagraphId)).Distinct(StringComparer.Ordinal).ToArray();
        var indicators = await IndicatorQueries.ByParagraphsAsync(db, paragraphIds, ct);
        var documentLabels = await Citations.DocumentLabelsAsync(db, rows.Select(r => r.SourceDocumentId).OfType<string>(), ct);
        var cite = await release.CiterAsync(ct);
        return rows.Select(r => new RecommendationDto(
            r.Id,
            r.Mechanism,
            r.Locator,
            r.Text,
            r.SourceDocumentId,
            r.ParagraphId,
            r.Theme,
            StoredJson.ReadCitations(r.PriorRecommendationsJson),
            r.FollowUp,
            r.FollowUpDeadline,
            responses[r.Id].Select(x => new ResponseDto(x.ParagraphId, x.DocumentId, x.Relation, x.Evidence)).ToArray(),
            responses[r.Id].Select(x => x.ParagraphId).Distinct(StringComparer.Ordinal).SelectMany(p => indicators[p]).ToArray(),
            themes[r.Id].ToArray())
        {
            Citation = cite(
                Citations.Recommendation(r.SourceDocumentId is { } source ? documentLabels.GetValueOrDefault(source) : null, r.Mechanism, r.Locator)),
        }).ToList();
    }
}
