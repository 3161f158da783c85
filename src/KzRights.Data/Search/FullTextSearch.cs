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

/// <summary>A ranked match; higher <see cref="Score"/> is better, rounded so keyset cursors compare exactly.</summary>
public sealed record SearchMatch(SearchTarget Target, string Id, double Score)
{
    public static double Round(double score) => Math.Round(score, 6, MidpointRounding.ToEven);
}

/// <summary>Ranks matches with the provider's own full-text engine (<see cref="KzRightsDatabaseProvider.MatchAsync"/>)
/// in one order for all providers. Only ids and scores come back: texts and highlights are loaded afterwards for the
/// requested page alone.</summary>
public sealed class FullTextSearch(KzRightsDbContext db, KzRightsDatabaseProvider provider)
{
    public async Task<IReadOnlyList<SearchMatch>> MatchAsync(SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        if (terms.IsEmpty || targets.Count == 0)
        {
            return [];
        }

        var matches = await provider.MatchAsync(db, terms, targets, ct);
        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Target)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
