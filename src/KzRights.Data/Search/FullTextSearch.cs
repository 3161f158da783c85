using KzRights.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Search;

public enum SearchTarget
{
    Paragraph,
    Recommendation,
}

/// <summary>The names of <see cref="SearchTarget"/> as the API spells them (the <c>type</c> filter and hits).</summary>
public static class SearchTargets
{
    public const string ParagraphName = "paragraph";
    public const string RecommendationName = "recommendation";

    public static readonly IReadOnlyList<string> Names = [ParagraphName, RecommendationName];

    public static string Name(SearchTarget target) => target == SearchTarget.Paragraph ? ParagraphName : RecommendationName;

    /// <summary>The targets a <c>type</c> filter selects: the named one, or all when none is given.</summary>
    public static SearchTarget[] Selected(string? type) => type switch
    {
        ParagraphName => [SearchTarget.Paragraph],
        RecommendationName => [SearchTarget.Recommendation],
        _ => [SearchTarget.Paragraph, SearchTarget.Recommendation],
    };
}

/// <summary>A ranked match; higher <see cref="Score"/> is better, rounded (by the database that ranks) to six
/// decimals so keyset cursors compare exactly.</summary>
public sealed record SearchMatch(SearchTarget Target, string Id, double Score)
{
    public static double Round(double score) => Math.Round(score, 6, MidpointRounding.ToEven);

    /// <summary>The ranking order: score descending, then target, then id (ordinal, which is byte order for the ids'
    /// characters, as the databases compare them).</summary>
    public static int Compare(SearchMatch a, SearchMatch b)
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

/// <summary>Search with the provider's own full-text engine (<see cref="KzRightsDatabaseProvider.RankAsync"/>): the
/// database ranks and returns one page of ids and scores; texts and highlights are loaded afterwards for that page.</summary>
public sealed class FullTextSearch(KzRightsDbContext db, KzRightsDatabaseProvider provider)
{
    public async Task<List<SearchMatch>> RankAsync(SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        query.Terms.IsEmpty || query.Targets.Count == 0 || take <= 0 ? [] : await provider.RankAsync(db, query, after, take, ct);

    public async Task<int> CountAsync(SearchQuery query, CancellationToken ct) =>
        query.Terms.IsEmpty || query.Targets.Count == 0 ? 0 : await provider.CountAsync(db, query, ct);

    /// <summary>The ids of every match as a query to compose into another (<c>Id IN (…)</c>); none for a query without words.</summary>
    public IQueryable<string> MatchingIds(SearchQuery query) =>
        query.Terms.IsEmpty || query.Targets.Count == 0 ? db.Paragraphs.Where(_ => false).Select(p => p.Id) : provider.MatchingIds(db, query);
}
