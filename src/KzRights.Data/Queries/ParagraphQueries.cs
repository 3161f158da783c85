using System.Text.Json;
using KzRights.Data.Entities;
using KzRights.Data.Ingest;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Filters of the paragraph list; every one is optional and they combine with AND.
/// <see cref="Section"/> includes the paragraphs of the section's sub-sections.</summary>
public sealed record ParagraphFilter(string? Document = null, string? Section = null, string? Language = null, string? Query = null)
{
    internal string Scope => $"paragraphs\n{Document}\n{Section}\n{Language}\n{Query}";
}

public sealed class ParagraphQueries(KzRightsDbContext db, FullTextSearch search)
{
    public async Task<Page<ParagraphDto>> ListAsync(ParagraphFilter filter, int limit, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode(filter.Scope, cursor);
        var query = db.Paragraphs.AsNoTracking();
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
            var matches = await search.MatchAsync(SearchTerms.Parse(text), [SearchTarget.Paragraph], ct);
            var ids = matches.Select(m => m.Id).ToArray();
            query = query.Where(p => ids.Contains(p.Id));
        }

        var total = await query.CountAsync(ct);
        if (after is not null)
        {
            query = query.Where(p => string.Compare(p.SortKey, after) > 0);
        }

        var rows = await query.OrderBy(p => p.SortKey).Take(limit + 1).ToListAsync(ct);
        var dtos = await HydrateAsync(rows, ct);
        var sortKeys = rows.ToDictionary(r => r.Id, r => r.SortKey, StringComparer.Ordinal);
        return Paging.Slice(dtos, limit, total, filter.Scope, p => sortKeys[p.Id]);
    }

    public async Task<ParagraphDto?> GetAsync(string id, CancellationToken ct)
    {
        var row = await db.Paragraphs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return row is null ? null : (await HydrateAsync([row], ct))[0];
    }

    /// <summary>Batch lookup for GraphQL loaders: one round of queries whatever the number of ids.</summary>
    public async Task<IReadOnlyDictionary<string, ParagraphDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var rows = await db.Paragraphs.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SortKey).ToListAsync(ct);
        return (await HydrateAsync(rows, ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>The paragraphs of several documents in reading order, for GraphQL's document → paragraphs.</summary>
    public async Task<ILookup<string, ParagraphDto>> ByDocumentsAsync(IReadOnlyCollection<string> documentIds, int limitPerDocument, CancellationToken ct)
    {
        var rows = await db.Paragraphs.AsNoTracking()
            .Where(p => documentIds.Contains(p.DocumentId))
            .OrderBy(p => p.SortKey)
            .ToListAsync(ct);
        var limited = rows.GroupBy(r => r.DocumentId).SelectMany(g => g.Take(limitPerDocument)).ToList();
        return (await HydrateAsync(limited, ct)).ToLookup(p => p.DocumentId, StringComparer.Ordinal);
    }

    private async Task<List<ParagraphDto>> HydrateAsync(IReadOnlyList<ParagraphEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var subItems = (await db.SubItems.AsNoTracking().Where(s => ids.Contains(s.ParagraphId)).OrderBy(s => s.Ordinal).ToListAsync(ct))
            .ToLookup(s => s.ParagraphId, StringComparer.Ordinal);
        var footnotes = (await db.Footnotes.AsNoTracking().Where(f => ids.Contains(f.ParagraphId)).OrderBy(f => f.MarkerOffset).ToListAsync(ct))
            .ToLookup(f => f.ParagraphId, StringComparer.Ordinal);
        var links = (await db.ResponseLinks.AsNoTracking()
                .Where(l => ids.Contains(l.ParagraphId))
                .Join(db.Recommendations, l => l.RecommendationId, r => r.Id, (l, r) => new { l.ParagraphId, r.Id, r.Mechanism, r.Locator, r.SortKey, l.Relation })
                .ToListAsync(ct))
            .OrderBy(x => x.SortKey, StringComparer.Ordinal)
            .ThenBy(x => x.Relation, StringComparer.Ordinal)
            .ToLookup(x => x.ParagraphId, StringComparer.Ordinal);
        var translations = await TranslationsAsync(ids, ct);
        var themes = await ThemeQueries.TagsAsync(db, "paragraph", ids, ct);
        var indicators = await IndicatorQueries.ByParagraphsAsync(db, ids, ct);

        return rows.Select(r => new ParagraphDto(
            r.Id,
            r.DocumentId,
            r.SectionId,
            JsonSerializer.Deserialize<string[]>(r.SectionPath, CorpusEntityMapper.JsonOptions) ?? [],
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
            themes[r.Id].ToArray())).ToList();
    }

    private async Task<ILookup<string, TranslationDto>> TranslationsAsync(string[] ids, CancellationToken ct)
    {
        var rows = await db.TranslationLinks.AsNoTracking()
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
        new(f.Id, f.Marker, f.MarkerOffset, f.Text, ReadCitations(f.CitationsJson));

    internal static IReadOnlyList<CitationDto> ReadCitations(string json) =>
        JsonSerializer.Deserialize<CitationDto[]>(json, CorpusEntityMapper.JsonOptions) ?? [];
}
