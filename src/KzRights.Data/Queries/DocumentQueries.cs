using KzRights.Data.Entities;
using KzRights.Data.Tables;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

public sealed class DocumentQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    private const string Scope = "documents";

    public async Task<Page<DocumentDto>> ListAsync(int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<DocumentDto>> ListPageAsync(int limit, string? cursor, CancellationToken ct)
    {
        return await Keyset.PageByOrdinalAsync(
            db.Documents.Untracked(),
            Scope,
            cursor,
            limit,
            rows => ToDtosAsync(rows, ct),
            ct,
            include: q => q.Include(d => d.Dates),
            release: release);
    }

    /// <summary>The documents as a table (CSV/NDJSON answers).</summary>
    public TableQuery Table() => TableQuery.ByOrdinal(db, Tables.Tables.Documents, db.Documents.Untracked(), Scope);

    public async Task<bool> ExistsAsync(string id, CancellationToken ct) =>
        await db.Documents.AnyAsync(d => d.Id == id, ct);

    public async Task<DocumentDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<string, DocumentDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var rows = await db.Documents.Untracked().Where(d => ids.Contains(d.Id)).Include(d => d.Dates).ToListAsync(ct);
        return (await ToDtosAsync(rows, ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>Metadata, the section tree (with paragraph counts) and the document's list of sources.</summary>
    public async Task<DocumentDetailDto?> GetDetailAsync(string id, CancellationToken ct)
    {
        if (await ReadModel.StoredHydration.TryLoadOneAsync<DocumentDetailDto>(db, release, Releases.RecordTypes.Document, id, ct) is { } stored)
        {
            return stored;
        }

        var document = await GetAsync(id, ct);
        if (document is null)
        {
            return null;
        }

        var sections = await SectionTreesAsync([id], ct);
        var references = await ReferencesAsync([id], ct);
        return new DocumentDetailDto(document, sections[id].ToArray(), references[id].ToArray());
    }

    /// <summary>One document as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<ReadModel.Served<DocumentDetailDto>?> GetServedAsync(string id, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Document, id, () => GetDetailAsync(id, ct), ct);

    /// <summary>The list of sources of several documents, each in the order printed.</summary>
    public async Task<ILookup<string, SourceReferenceDto>> ReferencesAsync(IReadOnlyCollection<string> documentIds, CancellationToken ct)
    {
        var rows = await db.SourceReferences.Untracked()
            .Where(r => documentIds.Contains(r.DocumentId))
            .OrderBy(r => r.Line)
            .Select(r => new { r.DocumentId, Dto = new SourceReferenceDto(r.Id, r.Marker, r.Text, r.Url) })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.DocumentId, r => r.Dto, StringComparer.Ordinal);
    }

    /// <summary>Top-level sections (children nested) per document, in one round of queries.</summary>
    public async Task<ILookup<string, SectionDto>> SectionTreesAsync(IReadOnlyCollection<string> documentIds, CancellationToken ct)
    {
        var sections = await db.Sections.Untracked().Where(s => documentIds.Contains(s.DocumentId)).OrderBy(s => s.Ordinal).ToListAsync(ct);
        var direct = await db.Paragraphs.Untracked()
            .Where(p => documentIds.Contains(p.DocumentId) && p.SectionId != null)
            .GroupBy(p => p.SectionId!)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SectionId, x => x.Count, StringComparer.Ordinal, ct);
        var children = sections.ToLookup(s => s.ParentId ?? string.Empty, StringComparer.Ordinal);

        SectionDto Build(SectionEntity s)
        {
            var kids = children[s.Id].Select(Build).ToArray();
            return new SectionDto(s.Id, s.DocumentId, s.ParentId, s.Level, s.Kind, s.Number, s.Title, s.Language,
                direct.GetValueOrDefault(s.Id) + kids.Sum(k => k.ParagraphCount), kids);
        }

        return children[string.Empty].Select(Build).ToLookup(s => s.DocumentId, StringComparer.Ordinal);
    }

    private async Task<List<DocumentDto>> ToDtosAsync(IReadOnlyList<DocumentEntity> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var sections = await CountByDocument(db.Sections.Where(s => ids.Contains(s.DocumentId)).Select(s => s.DocumentId), ct);
        var paragraphs = await CountByDocument(db.Paragraphs.Where(p => ids.Contains(p.DocumentId)).Select(p => p.DocumentId), ct);
        var subItems = await CountByDocument(
            db.SubItems.Join(db.Paragraphs, s => s.ParagraphId, p => p.Id, (s, p) => p.DocumentId).Where(d => ids.Contains(d)), ct);
        var footnotes = await CountByDocument(db.Footnotes.Where(f => ids.Contains(f.DocumentId)).Select(f => f.DocumentId), ct);
        var references = await CountByDocument(db.SourceReferences.Where(r => ids.Contains(r.DocumentId)).Select(r => r.DocumentId), ct);
        var recommendations = (await db.ResponseLinks.Where(l => ids.Contains(l.DocumentId))
                .Select(l => new { l.DocumentId, l.RecommendationId })
                .Distinct()
                .ToListAsync(ct))
            .GroupBy(x => x.DocumentId)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        return rows.OrderBy(r => r.Ordinal).Select(r => new DocumentDto(
            r.Id,
            r.Symbol,
            r.SymbolPrinted,
            r.Title,
            r.DocumentType,
            r.Body,
            r.Mechanism,
            r.Layout,
            r.Session,
            r.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries),
            r.OriginalLanguage,
            r.Dates.OrderBy(d => d.Date).Select(d => new DocumentDateDto(d.Role, d.Date, d.Note)).ToArray(),
            r.SourceFile,
            r.Sha256,
            new DocumentCountsDto(
                sections.GetValueOrDefault(r.Id),
                paragraphs.GetValueOrDefault(r.Id),
                subItems.GetValueOrDefault(r.Id),
                footnotes.GetValueOrDefault(r.Id),
                references.GetValueOrDefault(r.Id),
                recommendations.GetValueOrDefault(r.Id)))).ToList();
    }

    private static Task<Dictionary<string, int>> CountByDocument(IQueryable<string> documentIds, CancellationToken ct) =>
        documentIds.GroupBy(d => d).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, ct);
}
