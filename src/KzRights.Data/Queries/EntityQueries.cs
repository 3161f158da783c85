using KzRights.Data.Entities;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Filters of the entity list, combined with AND: <see cref="Kind"/> (law, treaty, plan, institution,
/// event), <see cref="Document"/> (entities mentioned in that document), <see cref="Query"/> (words of the name or of
/// any mention's quote, case-insensitively).</summary>
public sealed record EntityFilter(string? Kind = null, string? Document = null, string? Query = null)
{
    internal string Scope => $"entities\n{Kind}\n{Document}\n{Query}";
}

public sealed class EntityQueries(KzRightsDbContext db, Releases.ReleaseContext release)
{
    public static IReadOnlyList<string> Kinds => KzRights.Parsing.Entities.EntityKind.All;

    public async Task<Page<EntityDto>> ListAsync(EntityFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ListPageAsync(filter, limit, cursor, ct)).Page;

    /// <summary><see cref="ListAsync"/> with a cursor per item (GraphQL edges).</summary>
    public async Task<CursorPage<EntityDto>> ListPageAsync(EntityFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await Keyset.PageAsync(await FilteredAsync(filter, ct), filter.Scope, cursor, limit, rows => ToDtosAsync(rows, withMentions: false, ct), ct,
            release: release);

    /// <summary>The rows of <see cref="Tables.Tables.Entities"/> the same filters select, in the list's order.</summary>
    public async Task<Tables.TableQuery> TableAsync(EntityFilter filter, CancellationToken ct) =>
        Tables.TableQuery.ByKeyset(db, Tables.Tables.Entities, await FilteredAsync(filter, ct), filter.Scope);

    private async Task<IQueryable<NamedEntity>> FilteredAsync(EntityFilter filter, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, filter.Document, ct);
        var query = db.NamedEntities.Untracked();
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (filter.Document is { } document)
        {
            query = query.Where(e => db.EntityMentions.Any(m => m.EntityId == e.Id && m.DocumentId == document));
        }

        foreach (var token in SearchTerms.Parse(filter.Query).Tokens)
        {
            query = query.Where(e => e.SearchText.Contains(token));
        }

        return query;
    }

    /// <summary>One entity with every mention across the documents, in reading order.</summary>
    public async Task<EntityDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>One entity as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<ReadModel.Served<EntityDto>?> GetServedAsync(string id, CancellationToken ct) =>
        ReadModel.StoredHydration.OneAsync(db, release, Releases.RecordTypes.Entity, id, () => GetAsync(id, ct), ct);

    /// <summary>Several entities by id, mentions included (GraphQL's batch loader).</summary>
    public async Task<IReadOnlyDictionary<string, EntityDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (await ReadModel.StoredHydration.TryLoadAllAsync<EntityDto>(db, release, Releases.RecordTypes.Entity, ids, ct) is { } stored)
        {
            return stored;
        }

        var rows = await db.NamedEntities.Untracked().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        return (await ToDtosAsync(rows, withMentions: true, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The entity mentions of a batch of paragraphs (sub-items included), in reading order.</summary>
    public static async Task<ILookup<string, EntityMentionDto>> ByParagraphsAsync(KzRightsDbContext db, string[] paragraphIds, CancellationToken ct) =>
        (await db.EntityMentions.Untracked().Where(m => paragraphIds.Contains(m.ParagraphId)).OrderBy(m => m.SortKey).ToListAsync(ct))
        .ToLookup(m => m.ParagraphId, ToDto, StringComparer.Ordinal);

    private async Task<List<EntityDto>> ToDtosAsync(IReadOnlyList<NamedEntity> rows, bool withMentions, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var mentions = (await db.EntityMentions.Untracked().Where(m => ids.Contains(m.EntityId)).OrderBy(m => m.SortKey).ToListAsync(ct))
            .ToLookup(m => m.EntityId, StringComparer.Ordinal);
        return rows.Select(e => new EntityDto(
            e.Id,
            e.Kind,
            e.Name,
            StoredJson.ReadAttributes(e.AttributesJson),
            e.MentionCount,
            mentions[e.Id].Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).ToArray(),
            StoredJson.ReadDisagreements(e.DisagreementsJson),
            withMentions ? mentions[e.Id].Select(ToDto).ToArray() : [])).ToList();
    }

    private static EntityMentionDto ToDto(EntityMentionEntity m) =>
        new(m.Id, m.EntityId, m.Kind, m.DocumentId, m.ParagraphId, m.SubItemId, m.Language, m.Quote, m.Start, m.Length,
            StoredJson.ReadAttributes(m.AttributesJson), m.Rule);
}
