using System.Linq.Expressions;
using KzRights.Data.Entities;
using KzRights.Data.ReadModel;
using KzRights.Data.Releases;
using KzRights.Data.Search;
using KzRights.Data.Tables;
using KzRights.Parsing.Analysis;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>Filters of the indicator list, combined with AND. <see cref="From"/>/<see cref="To"/> keep indicators
/// whose period overlaps the range; <see cref="Subject"/> and <see cref="Query"/> match words, case-insensitively.</summary>
public sealed record IndicatorFilter(
    string? Document = null,
    string? Paragraph = null,
    string? Kind = null,
    string? Subject = null,
    string? Unit = null,
    string? Population = null,
    string? Theme = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Query = null,
    string? Measure = null)
{
    internal string Scope => $"indicators\n{Document}\n{Paragraph}\n{Kind}\n{Subject}\n{Unit}\n{Population}\n{Theme}\n{From}\n{To}\n{Query}\n{Measure}";

    /// <summary>Read from an index in sort-key order: the whole list, or one kind's or one measure's ((Kind, SortKey),
    /// (Measure, SortKey)).</summary>
    internal bool InSortKeyOrder =>
        this with { Kind = null, Measure = null } == new IndicatorFilter() && (Kind is null || Measure is null);
}

public sealed class IndicatorQueries(KzRightsDbContext db, ReleaseContext release)
{
    public static IReadOnlyList<string> Kinds => KzRights.Parsing.Indicators.IndicatorKind.All;

    /// <summary>The keys of the controlled measure vocabulary (the values the measure filter accepts).</summary>
    public static IReadOnlyList<string> Measures { get; } =
        KzRights.Parsing.Indicators.MeasureVocabulary.Definitions.Select(d => d.Key).Distinct(StringComparer.Ordinal).ToArray();

    public async Task<Page<IndicatorDto>> ListAsync(IndicatorFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page.Map(i => i.Value);

    /// <summary>A page with a cursor per item (GraphQL edges), its records as stored: GraphQL writes their selected fields from the
    /// stored JSON.</summary>
    public Task<CursorPage<Served<IndicatorDto>>> ListPageAsync(IndicatorFilter filter, int limit, string? cursor, CancellationToken ct) =>
        ServedPageAsync(filter, limit, cursor, ct);

    /// <summary>A page as REST answers it: the stored JSON of each record, written as it is.</summary>
    public async Task<Page<Served<IndicatorDto>>> ListServedAsync(IndicatorFilter filter, int limit, string? cursor, CancellationToken ct) =>
        (await ServedPageAsync(filter, limit, cursor, ct)).Page;

    private async Task<CursorPage<Served<IndicatorDto>>> ServedPageAsync(IndicatorFilter filter, int limit, string? cursor, CancellationToken ct) =>
        await StoredHydration.PageAsync(
            db, release, RecordTypes.Indicator, await FilteredAsync(filter, ct), filter.Scope, filter.InSortKeyOrder,
            cursor, limit, rows => ToDtosAsync(rows, ct), ct);

    /// <summary>The indicators the filter selects as a table (CSV/NDJSON answers).</summary>
    public async Task<TableQuery> TableAsync(IndicatorFilter filter, CancellationToken ct) =>
        TableQuery.ByKeyset(db, Tables.Tables.Indicators, await FilteredAsync(filter, ct), filter.Scope);

    private async Task<IQueryable<IndicatorEntity>> FilteredAsync(IndicatorFilter filter, CancellationToken ct)
    {
        await IdFilter.Document.RequireAsync(db, filter.Document, ct);
        await IdFilter.Paragraph.RequireAsync(db, filter.Paragraph, ct);
        await IdFilter.Theme.RequireAsync(db, filter.Theme, ct);
        var query = db.Indicators.Untracked();
        if (filter.Document is { } document)
        {
            query = query.Where(i => i.DocumentId == document);
        }

        if (filter.Paragraph is { } paragraph)
        {
            query = query.Where(i => i.ParagraphId == paragraph || i.SubItemId == paragraph);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (filter.Measure is { } measure)
        {
            query = query.Where(i => i.Measure == measure);
        }

        if (filter.Unit is { } unit)
        {
            query = query.Where(i => i.Unit == unit);
        }

        if (filter.Population is { } population)
        {
            var key = "|" + population + "|";
            query = query.Where(i => i.PopulationKey.Contains(key));
        }

        if (filter.Theme is { } theme)
        {
            query = query.Where(i => db.ThemeTags.Any(t => t.TargetType == ThemeTargets.Indicator && t.TargetId == i.Id && t.ThemeId == theme));
        }

        if (filter.From is { } from)
        {
            query = query.Where(i => (i.PeriodEnd ?? i.PeriodStart) >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(i => (i.PeriodStart ?? i.PeriodEnd) <= to);
        }

        foreach (var token in SearchTerms.Parse(filter.Subject).Tokens)
        {
            query = query.Where(i => i.Subject.ToLower().Contains(token));
        }

        foreach (var token in SearchTerms.Parse(filter.Query).Tokens)
        {
            query = query.Where(i => i.SearchText.Contains(token));
        }

        return query;
    }

    public async Task<IndicatorDto?> GetAsync(string id, CancellationToken ct) =>
        (await GetManyAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>One indicator as REST answers it (its stored JSON), or null for an unknown id.</summary>
    public Task<Served<IndicatorDto>?> GetServedAsync(string id, CancellationToken ct) =>
        StoredHydration.OneAsync(db, release, RecordTypes.Indicator, id, () => GetAsync(id, ct), ct);

    public async Task<IReadOnlyDictionary<string, IndicatorDto>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (await StoredHydration.TryLoadAllAsync<IndicatorDto>(db, release, RecordTypes.Indicator, ids, ct) is { } stored)
        {
            return stored;
        }

        var rows = await db.Indicators.Untracked().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return (await ToDtosAsync(rows, ct)).ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The first indicators (reading order) carrying each of several themes, in one round of queries.</summary>
    public async Task<IReadOnlyDictionary<ThemeIndicatorsRequest, IReadOnlyList<IndicatorDto>>> ByThemesAsync(
        IReadOnlyCollection<ThemeIndicatorsRequest> requests,
        CancellationToken ct)
    {
        var themeIds = requests.Select(r => r.ThemeId).Distinct(StringComparer.Ordinal).ToArray();
        var tagged = (await db.ThemeTags.Untracked()
                .Where(t => t.TargetType == ThemeTargets.Indicator && themeIds.Contains(t.ThemeId))
                .Join(db.Indicators, t => t.TargetId, i => i.Id, (t, i) => new { t.ThemeId, i.Id, i.SortKey })
                .ToListAsync(ct))
            .OrderBy(x => x.SortKey, StringComparer.Ordinal)
            .ToLookup(x => x.ThemeId, x => x.Id, StringComparer.Ordinal);
        var wanted = requests.ToDictionary(r => r, r => tagged[r.ThemeId].Take(r.Limit).ToArray());
        var loaded = await GetManyAsync(wanted.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToArray(), ct);
        return wanted.ToDictionary(w => w.Key, w => (IReadOnlyList<IndicatorDto>)w.Value.Select(id => loaded[id]).ToArray());
    }

    /// <summary>The indicators of a batch of paragraphs (sub-items included), in reading order, reading only the summary's
    /// columns: a recommendation's record gathers the indicators of every paragraph that responds to it, and whole rows
    /// (search text, population, provenance) were most of the memory of the largest records.</summary>
    internal static async Task<ILookup<string, IndicatorSummaryDto>> ByParagraphsAsync(KzRightsDbContext db, string[] paragraphIds, CancellationToken ct) =>
        (await db.Indicators.Untracked().Where(i => paragraphIds.Contains(i.ParagraphId)).OrderBy(i => i.SortKey).Select(SummaryColumns).ToListAsync(ct))
        .ToLookup(i => i.ParagraphId, StringComparer.Ordinal);

    /// <summary>An indicator as records embed it; an expression so that the database reads only these columns.</summary>
    private static readonly Expression<Func<IndicatorEntity, IndicatorSummaryDto>> SummaryColumns = i =>
        new IndicatorSummaryDto(
            i.Id,
            i.ParagraphId,
            i.SubItemId,
            i.Value,
            i.ValueUpper,
            i.Unit,
            i.Scale,
            i.Qualifier,
            Period(i.PeriodLabel, i.PeriodStart, i.PeriodEnd),
            i.Subject,
            i.Kind,
            i.Measure,
            i.Quote,
            i.Start,
            i.Length);

    /// <summary><see cref="SummaryColumns"/> for rows already read.</summary>
    internal static readonly Func<IndicatorEntity, IndicatorSummaryDto> Summary = SummaryColumns.Compile();

    internal static PeriodDto? Period(string? label, DateOnly? start, DateOnly? end) =>
        label is null ? null : new PeriodDto(label, start, end);

    private Task<List<IndicatorDto>> ToDtosAsync(IReadOnlyList<IndicatorEntity> rows, CancellationToken ct) =>
        StoredHydration.HydrateAsync(db, release, RecordTypes.Indicator, rows, r => r.Id, built => BuildAsync(built, ct), ct);

    private async Task<List<IndicatorDto>> BuildAsync(IReadOnlyList<IndicatorEntity> rows, CancellationToken ct)
    {
        var themes = await ThemeQueries.TagsAsync(db, ThemeTargets.Indicator, rows.Select(r => r.Id).ToArray(), ct);
        var locators = await Citations.ParagraphsAndSubItemsAsync(
            db, rows.Select(r => r.ParagraphId).ToArray(), rows.Select(r => r.SubItemId).OfType<string>().ToArray(), ct);
        var cite = await release.CiterAsync(ct);
        return rows.Select(i => new IndicatorDto(
            i.Id, i.DocumentId, i.ParagraphId, i.SubItemId, i.Language, i.Value, i.ValueUpper, i.Unit, i.Scale, i.Qualifier,
            Period(i.PeriodLabel, i.PeriodStart, i.PeriodEnd), i.Subject, i.Kind, i.Measure, StoredJson.ReadStrings(i.PopulationJson), i.Role, i.TargetYear,
            i.Quote, i.Start, i.Length, i.Rule, i.FactId, i.SeriesKey, i.TranslationId, themes[i.Id].ToArray())
        {
            Citation = cite(locators[i.SubItemId ?? i.ParagraphId]),
        }).ToList();
    }
}

/// <summary>A theme and how many of its indicators to return (GraphQL's theme → indicators).</summary>
public sealed record ThemeIndicatorsRequest(string ThemeId, int Limit);
