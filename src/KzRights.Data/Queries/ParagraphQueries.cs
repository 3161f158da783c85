using KzRights.Data.Entities;
using KzRights.Data.ReadModel;
using KzRights.Data.Releases;
using KzRights.Data.Search;
using KzRights.Data.Tables;
using KzRights.Parsing.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Filters of the paragraph list; every one is optional and they combine with AND.
/// <see cref="Section"/> includes the paragraphs of the section's sub-sections.</summary>
public sealed record ParagraphFilter(string? Document = null, string? Section = null, string? Language = null, string? Query = null)
{
    internal string Scope => $"paragraphs\n{Document}\n{Section}\n{Language}\n{Query}";

    /// <summary>Read from an index in sort-key order: the whole list or one document's ((DocumentId, SortKey)).</summary>
    internal bool InSortKeyOrder => Section is null && Language is null && Query is null;
}

/// <summary>One page of the paragraphs of a document, or of a section with its sub-sections (GraphQL's
/// document → paragraphs and section → paragraphs). Its cursors are those of the paragraph list filtered by the same
/// document or section, so a nested page and the root list can continue each other.</summary>
public sealed record ParagraphPageRequest(string DocumentId, string? SectionId, int Limit, string? Cursor)
{
    internal ParagraphFilter Filter => SectionId is null ? new ParagraphFilter(Document: DocumentId) : new ParagraphFilter(Section: SectionId);

    /// <summary>The sort key to continue after, or null without a cursor; throws <see cref="InvalidCursorException"/>
    /// for a cursor of another list.</summary>
    public string? DecodeCursor() => Queries.Cursor.Decode(Filter.Scope, Cursor);
}

public sealed class ParagraphQueries(KzRightsDbContext db, FullTextSearch search, ReleaseContext release)
{
    public async Task<Page<ParagraphDto>> ListAsync(ParagraphFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page.Map(p => p.Value);

    /// <summary>A page with a cursor per item (GraphQL edges), its records as stored: GraphQL writes their selected fields from the
    /// stored JSON.</summary>
    public Task<CursorPage<Served<ParagraphDto>>> ListPageAsync(ParagraphFilter filter, int limit, string? cursor, CancellationToken ct) =>
        ServedPageAsync(filter, limit, cursor, ct);

    /// <summary>A page as REST answers it: the stored JSON of each record, written as it is.</summary>
    public async Task<Page<Served<ParagraphDto>>> ListServedAsync(ParagraphFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page;

    private async Task<CursorPage<Served<ParagraphDto>>> ServedPageAsync(ParagraphFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await StoredHydration.PageAsync(
            db, release, RecordTypes.Paragraph, await FilteredAsync(filter, ct), filter.Scope, filter.InSortKeyOrder,
            cursor, limit, rows => HydrateAsync(rows, ct), ct);

    /// <summary>The paragraphs the filter selects as a table (CSV/NDJSON answers).</summary>
    public async Task<TableQuery> TableAsync(ParagraphFilter filter, CancellationToken ct) =>
        TableQuery.ByKeyset(db, Tables.Tables.Paragraphs, await FilteredAsync(filter, ct), filter.Scope);

    private async Task<IQueryable<ParagraphEntity>> FilteredAsync(ParagraphFilter filter, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, filter.Document, ct);
        await IdFilter.Section.RequireAsync(db, filter.Section, ct);
        var query = db.Paragraphs.Untracked();
        if (filter.Document is { } document)
        {
            query = query.Where(p => p.DocumentId == document);
        }

        if (filter.Section is { } section)
        {
            // Section ids nest by design ("<parent>/<key>"), so a prefix finds the whole subtree.
            var prefix = section + "/";
            query = query.Where(p => p.SectionId == section || p.SectionId!.StartsWith(prefix));
        }

        if (filter.Language is { } language)
        {
            query = query.Where(p => p.Language == language);
        }

        if (filter.Query is { } text)
        {
            // A subquery: a common word matches tens of thousands of paragraphs, which need not come here and go back.
            var matching = search.MatchingIds(new SearchQuery(SearchTerms.Parse(text), [SearchTarget.Paragraph], []));
            query = query.Where(p => matching.Contains(p.Id));
        }

        return query;
    }

    public async Task<ParagraphDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>One paragraph as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<Served<ParagraphDto>?> GetServedAsync(string id, CancellationToken ct) =>
        StoredHydration.OneAsync(db, release, RecordTypes.Paragraph, id, () => GetAsync(id, ct), ct);

    /// <summary>Batch lookup (REST's single get and GraphQL loaders): one round of queries whatever the number of ids.</summary>
    public async Task<IReadOnlyDictionary<string, ParagraphDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (await StoredHydration.TryLoadAllAsync<ParagraphDto>(db, release, RecordTypes.Paragraph, ids, ct) is { } stored)
        {
            return stored;
        }

        var rows = await db.Paragraphs.Untracked().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SortKey).ToListAsync(ct);
        return (await HydrateAsync(rows, ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Pages of several documents' or sections' paragraphs in one round of queries, whatever the number of
    /// requests: the sort keys of the documents involved are read first (small rows), pages are cut in memory, and
    /// only the paragraphs on the pages are loaded. Throws <see cref="InvalidCursorException"/> for a cursor of
    /// another list.</summary>
    public async Task<IReadOnlyDictionary<ParagraphPageRequest, CursorPage<ParagraphDto>>> PagesAsync(
        IReadOnlyCollection<ParagraphPageRequest> requests, CancellationToken ct)
    {
        var after = requests.ToDictionary(r => r, r => r.DecodeCursor());
        var documentIds = requests.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal).ToArray();
        var keys = (await db.Paragraphs.Untracked()
                .Where(p => documentIds.Contains(p.DocumentId))
                .Select(p => new { p.Id, p.DocumentId, p.SectionId, p.SortKey })
                .ToListAsync(ct))
            .OrderBy(k => k.SortKey, StringComparer.Ordinal)
            .ToLookup(k => k.DocumentId, StringComparer.Ordinal);

        var slices = requests.ToDictionary(r => r, r =>
        {
            var prefix = r.SectionId + "/";
            var matching = keys[r.DocumentId]
                .Where(k => r.SectionId is null || k.SectionId == r.SectionId || k.SectionId?.StartsWith(prefix, StringComparison.Ordinal) == true)
                .ToList();
            var start = after[r] is { } sortKey ? matching.FindIndex(k => string.CompareOrdinal(k.SortKey, sortKey) > 0) : 0;
            var rows = start < 0 ? [] : matching.Skip(start).Take(r.Limit + 1).ToList();
            return (Keys: rows, Total: matching.Count);
        });

        var ids = slices.Values.SelectMany(s => s.Keys.Select(k => k.Id)).Distinct(StringComparer.Ordinal).ToArray();
        var loaded = await GetManyAsync(ids, ct);
        return requests.ToDictionary(
            r => r,
            r => Paging.Slice(
                slices[r].Keys.Select(k => loaded[k.Id]).ToList(),
                slices[r].Keys.Select(k => k.SortKey).ToList(),
                r.Limit,
                slices[r].Total,
                r.Filter.Scope));
    }

    private Task<List<ParagraphDto>> HydrateAsync(IReadOnlyList<ParagraphEntity> rows, CancellationToken ct) =>
        StoredHydration.HydrateAsync(db, release, RecordTypes.Paragraph, rows, r => r.Id, built => BuildAsync(built, ct), ct);

    private async Task<List<ParagraphDto>> BuildAsync(IReadOnlyList<ParagraphEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var subItems = (await db.SubItems.Untracked().Where(s => ids.Contains(s.ParagraphId)).OrderBy(s => s.Ordinal).ToListAsync(ct))
            .ToLookup(s => s.ParagraphId, StringComparer.Ordinal);
        var footnotes = (await db.Footnotes.Untracked().Where(f => ids.Contains(f.ParagraphId)).OrderBy(f => f.MarkerOffset).ToListAsync(ct))
            .ToLookup(f => f.ParagraphId, StringComparer.Ordinal);
        var links = (await db.ResponseLinks.Untracked()
                .Where(l => ids.Contains(l.ParagraphId))
                .Join(
                    db.Recommendations,
                    l => l.RecommendationId,
                    r => r.Id,
                    (l, r) => new { l.ParagraphId, r.Id, r.Mechanism, r.Locator, r.SortKey, l.Relation })
                .ToListAsync(ct))
            .OrderBy(x => x.SortKey, StringComparer.Ordinal)
            .ThenBy(x => x.Relation, StringComparer.Ordinal)
            .ToLookup(x => x.ParagraphId, StringComparer.Ordinal);
        var translations = await TranslationsAsync(ids, ct);
        var themes = await ThemeQueries.TagsAsync(db, ThemeTargets.Paragraph, ids, ct);
        var indicators = await IndicatorQueries.ByParagraphsAsync(db, ids, ct);
        var entities = await EntityQueries.ByParagraphsAsync(db, ids, ct);
        var documentLabels = await Citations.DocumentLabelsAsync(db, rows.Select(r => r.DocumentId), ct);
        var cite = await release.CiterAsync(ct);

        return rows.Select(r => Cite(new ParagraphDto(
            r.Id,
            r.DocumentId,
            r.SectionId,
            StoredJson.ReadStrings(r.SectionPath),
            r.Number,
            r.RawNumber,
            r.Text,
            r.Language,
            r.StartLine,
            r.EndLine,
            subItems[r.Id].Select(s => new SubItemDto(s.Id, s.Label, s.Text)).ToArray(),
            footnotes[r.Id].Select(ToDto).ToArray(),
            links[r.Id].Select(l => new ParagraphRecommendationDto(l.Id, l.Mechanism, l.Locator, l.Relation)).ToArray(),
            translations[r.Id].ToArray(),
            indicators[r.Id].ToArray(),
            entities[r.Id].ToArray(),
            themes[r.Id].ToArray()), Citations.Paragraph(documentLabels[r.DocumentId], r.Id, r.Number, StoredJson.ReadStrings(r.SectionPath)), cite)).ToList();
    }

    private static ParagraphDto Cite(ParagraphDto paragraph, string locator, Func<string, string> cite) => paragraph with
    {
        Citation = cite(locator),
        SubItems = paragraph.SubItems.Select(s => s with { Citation = cite(Citations.SubItem(locator, s.Label)) }).ToArray(),
    };

    private async Task<ILookup<string, TranslationDto>> TranslationsAsync(string[] ids, CancellationToken ct)
    {
        var rows = await db.TranslationLinks.Untracked()
            .Where(t => t.Kind == "paragraph" && (ids.Contains(t.SourceId) || ids.Contains(t.TargetId)))
            .ToListAsync(ct);
        // A link is stored once (source → target) and read both ways.
        return rows
            .SelectMany(t => new[]
            {
                (From: t.SourceId, Dto: new TranslationDto(t.TargetId, t.TargetLanguage)),
                (From: t.TargetId, Dto: new TranslationDto(t.SourceId, t.SourceLanguage)),
            })
            .OrderBy(x => x.Dto.Language, StringComparer.Ordinal)
            .ToLookup(x => x.From, x => x.Dto, StringComparer.Ordinal);
    }

    internal static FootnoteDto ToDto(FootnoteEntity f) =>
        new(f.Id, f.Marker, f.MarkerOffset, f.Text, StoredJson.ReadCitations(f.CitationsJson));
}
