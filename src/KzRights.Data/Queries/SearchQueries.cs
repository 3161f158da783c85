using System.Globalization;
using System.Runtime.CompilerServices;
using KzRights.Data.Search;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Ranked search across paragraphs and recommendations. Ranking happens first over ids and scores only;
/// texts are loaded and snippets computed for the returned page alone.</summary>
public sealed class SearchQueries(KzRightsDbContext db, FullTextSearch search)
{
    public async Task<Page<SearchHitDto>> SearchAsync(string q, IReadOnlyCollection<SearchTarget> targets, int limit, string? cursor, CancellationToken ct) =>
        (await SearchPageAsync(q, targets, limit, cursor, ct)).Page;

    /// <summary><see cref="SearchAsync"/> with a cursor per hit (GraphQL edges).</summary>
    public async Task<CursorPage<SearchHitDto>> SearchPageAsync(string q, IReadOnlyCollection<SearchTarget> targets, int limit, string? cursor, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(q);
        var scope = $"search\n{string.Join(' ', terms.Tokens)}\n{string.Join(',', targets.Order())}";
        var after = Cursor.Decode(scope, cursor);
        var matches = await search.MatchAsync(terms, targets, ct);
        var position = after is null ? null : ParseSortKey(after);
        var remaining = position is null ? matches : matches.SkipWhile(m => Compare(m, position) <= 0).ToArray();
        var page = remaining.Take(limit + 1).ToList();

        var paragraphIds = page.Where(m => m.Target == SearchTarget.Paragraph).Select(m => m.Id).ToArray();
        var recommendationIds = page.Where(m => m.Target == SearchTarget.Recommendation).Select(m => m.Id).ToArray();
        var paragraphs = await db.Paragraphs.AsNoTracking().Where(p => paragraphIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DocumentId, p.Number, p.SearchText })
            .ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, ct);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id))
            .Select(r => new { r.Id, r.SourceDocumentId, r.Locator, r.SearchText })
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);

        var hits = page.Select(m =>
        {
            var (documentId, number, text) = m.Target == SearchTarget.Paragraph
                ? (paragraphs[m.Id].DocumentId, paragraphs[m.Id].Number, paragraphs[m.Id].SearchText)
                : (recommendations[m.Id].SourceDocumentId, recommendations[m.Id].Locator, recommendations[m.Id].SearchText);
            var snippet = Highlighter.Build(text, terms);
            return (Match: m, Hit: new SearchHitDto(
                SearchTargets.Name(m.Target),
                m.Id,
                documentId,
                number,
                m.Score,
                snippet.Text,
                snippet.TextOffset,
                snippet.Highlights.Select(h => new HighlightDto(h.Start, h.Length)).ToArray()));
        }).ToList();

        var sliced = Paging.Slice(hits, limit, matches.Count, scope, h => SortKey(h.Match));
        return new CursorPage<SearchHitDto>(
            new Page<SearchHitDto>(sliced.Page.Items.Select(h => h.Hit).ToArray(), sliced.Page.NextCursor, sliced.Page.Total),
            sliced.ItemCursors);
    }

    /// <summary>The hits as a table (CSV/NDJSON answers). Ranking needs every match's score in memory anyway; texts
    /// and snippets are loaded a page of <see cref="Paging.MaxLimit"/> hits at a time.</summary>
    public TableQuery Table(string q, IReadOnlyCollection<SearchTarget> targets)
    {
        var table = Tables.Tables.SearchHits;
        return new TableQuery(
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

    /// <summary>The order of <see cref="FullTextSearch.MatchAsync"/>: score descending, then target, then id.</summary>
    private static int Compare(SearchMatch a, SearchMatch b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTarget = a.Target.CompareTo(b.Target);
        return byTarget != 0 ? byTarget : string.CompareOrdinal(a.Id, b.Id);
    }
}
