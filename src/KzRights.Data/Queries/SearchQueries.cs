using System.Globalization;
using System.Runtime.CompilerServices;
using KzRights.Data.Search;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Ranked search across paragraphs and recommendations. The database ranks and returns only the page asked
/// for (top-k after the cursor, ids and scores); texts are loaded and snippets computed for that page alone. Records
/// that a locator query names (<see cref="SearchLocator"/>) come first.</summary>
public sealed class SearchQueries(KzRightsDbContext db, FullTextSearch search, Releases.ReleaseContext release)
{
    public async Task<Page<SearchHitDto>> SearchAsync(string q, IReadOnlyCollection<SearchTarget> targets, int limit, string? cursor, CancellationToken ct) =>
        (await SearchPageAsync(q, targets, limit, cursor, ct)).Page;

    /// <summary><see cref="SearchAsync"/> with a cursor per hit (GraphQL edges).</summary>
    public async Task<CursorPage<SearchHitDto>> SearchPageAsync(
        string q,
        IReadOnlyCollection<SearchTarget> targets,
        int limit,
        string? cursor,
        CancellationToken ct)
    {
        var terms = SearchTerms.Parse(q);
        var locator = SearchLocator.TryParse(q);
        var scope = $"search\n{string.Join(' ', terms.Tokens)}\n{locator}\n{string.Join(',', targets.Order())}";
        var after = Cursor.Decode(scope, cursor) is { } key ? ParseSortKey(key) : null;

        var named = locator is null ? [] : await NamedByLocatorAsync(locator, targets, ct);
        var query = new SearchQuery(terms, targets, named.Select(m => m.Id).ToArray());
        var page = named.Where(m => after is null || SearchMatch.Compare(m, after) > 0).Take(limit + 1).ToList();
        if (page.Count <= limit)
        {
            // A cursor among the named records means the full-text matches start from their top.
            var textAfter = after is not null && after.Score < SearchLocator.Score - named.Count ? after : null;
            page.AddRange(await search.RankAsync(query, textAfter, limit + 1 - page.Count, ct));
        }

        // The full-text total, counted once per release and query (see Releases.ListTotals): on PostgreSQL the count of a
        // common word's matches was nearly half of the search's database time at 100,000 paragraphs.
        var matched = await release.TotalAsync(scope, c => search.CountAsync(query, c), ct);
        var total = named.Count + matched;
        var hits = await HitsAsync(page, terms, ct);
        var sliced = Paging.Slice(hits, limit, total, scope, h => SortKey(h.Match));
        return new CursorPage<SearchHitDto>(
            new Page<SearchHitDto>(sliced.Page.Items.Select(h => h.Hit).ToArray(), sliced.Page.NextCursor, sliced.Page.Total),
            sliced.ItemCursors);
    }

    /// <summary>The records whose printed locator the query names, in the order the query suggests: a symbol or
    /// "para" asks for paragraphs first, a bare locator (<c>139.30</c>, <c>12 (a)</c>) for recommendations first.</summary>
    private async Task<List<SearchMatch>> NamedByLocatorAsync(SearchLocator locator, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        string? documentId = null;
        if (locator.Symbol is not null)
        {
            documentId = await db.Documents.Untracked().Where(d => d.Symbol != null && d.Symbol.ToUpper() == locator.Symbol)
                .Select(d => d.Id).FirstOrDefaultAsync(ct);
            if (documentId is null)
            {
                return [];
            }
        }

        var paragraphs = new List<string>();
        var recommendations = new List<string>();
        if (locator.Locator is { } printed)
        {
            if (targets.Contains(SearchTarget.Paragraph))
            {
                paragraphs = await db.Paragraphs.Untracked()
                    .Where(p => p.Number == printed && (documentId == null || p.DocumentId == documentId))
                    .OrderBy(p => p.SortKey).Select(p => p.Id).ToListAsync(ct);
            }

            if (targets.Contains(SearchTarget.Recommendation))
            {
                recommendations = await db.Recommendations.Untracked()
                    .Where(r => r.Locator == printed && (documentId == null || r.SourceDocumentId == documentId))
                    .OrderBy(r => r.SortKey).Select(r => r.Id).ToListAsync(ct);
            }
        }

        var ordered = locator.NamesParagraph
            ? paragraphs.Select(id => (SearchTarget.Paragraph, id)).Concat(recommendations.Select(id => (SearchTarget.Recommendation, id)))
            : recommendations.Select(id => (SearchTarget.Recommendation, id)).Concat(paragraphs.Select(id => (SearchTarget.Paragraph, id)));
        return ordered.Select((r, i) => new SearchMatch(r.Item1, r.id, SearchLocator.Score - i)).ToList();
    }

    private async Task<List<(SearchMatch Match, SearchHitDto Hit)>> HitsAsync(IReadOnlyList<SearchMatch> page, SearchTerms terms, CancellationToken ct)
    {
        var paragraphIds = page.Where(m => m.Target == SearchTarget.Paragraph).Select(m => m.Id).ToArray();
        var recommendationIds = page.Where(m => m.Target == SearchTarget.Recommendation).Select(m => m.Id).ToArray();
        var paragraphs = await db.Paragraphs.Untracked().Where(p => paragraphIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DocumentId, p.Number, p.SearchText })
            .ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);
        var recommendations = await db.Recommendations.Untracked().Where(r => recommendationIds.Contains(r.Id))
            .Select(r => new { r.Id, r.SourceDocumentId, r.Locator, r.SearchText })
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);

        return page.Select(m =>
        {
            var (documentId, number, text) = m.Target == SearchTarget.Paragraph
                ? (paragraphs[m.Id].DocumentId, paragraphs[m.Id].Number, paragraphs[m.Id].SearchText)
                : (recommendations[m.Id].SourceDocumentId, recommendations[m.Id].Locator, recommendations[m.Id].SearchText);
            var snippet = Highlighter.Build(text, terms);
            return (m, new SearchHitDto(
                SearchTargets.Name(m.Target),
                m.Id,
                documentId,
                number,
                m.Score,
                snippet.Text,
                snippet.TextOffset,
                snippet.Highlights.Select(h => new HighlightDto(h.Start, h.Length)).ToArray()));
        }).ToList();
    }

    /// <summary>The hits as a table (CSV/NDJSON answers), read a ranked page of <see cref="Paging.MaxLimit"/> hits at a
    /// time.</summary>
    public TableQuery Table(string q, IReadOnlyCollection<SearchTarget> targets)
    {
        var table = Tables.Tables.SearchHits;
        return new TableQuery(
            db,
            table,
            async ct => (await SearchPageAsync(q, targets, 1, null, ct)).Page.Total,
            ct => AllHitsAsync(q, targets, ct),
            async (limit, cursor, ct) =>
            {
                var page = (await SearchPageAsync(q, targets, limit, cursor, ct)).Page;
                return new TablePage(page.Items.Select(table.Cells).ToArray(), page.NextCursor, page.Total);
            });
    }

    private async IAsyncEnumerable<object?[]> AllHitsAsync(string q, IReadOnlyCollection<SearchTarget> targets, [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = (await SearchPageAsync(q, targets, Paging.MaxLimit, cursor, ct)).Page;
            foreach (var hit in page.Items)
            {
                yield return Tables.Tables.SearchHits.Cells(hit);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    // The cursor keeps the last hit's exact position in the ranking: score (round-trip format), target, id.
    private static string SortKey(SearchMatch m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Score:R}\n{m.Target}\n{m.Id}");

    private static SearchMatch ParseSortKey(string key)
    {
        var parts = key.Split('\n', 3);
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            || !Enum.TryParse<SearchTarget>(parts[1], out var target))
        {
            throw new InvalidCursorException("cursor is not a value returned as nextCursor by this API");
        }

        return new SearchMatch(target, parts[2], score);
    }
}
