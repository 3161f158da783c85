using System.Globalization;
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
public sealed record SearchMatch(SearchTarget Target, string Id, double Score);

/// <summary>Ranks matches with each provider's own full-text engine. Only ids and scores come back: texts and
/// highlights are loaded afterwards for the requested page alone.</summary>
public sealed class FullTextSearch(KzRightsDbContext db)
{
    // The only value in these statements is the {0} parameter; table and column names are constants.
    private const string SqliteSql =
        "SELECT kind AS Kind, id AS Id, bm25(" + FullTextIndex.SqliteTable + ") AS Rank FROM " + FullTextIndex.SqliteTable +
        " WHERE " + FullTextIndex.SqliteTable + " MATCH {0}";

    private const string PostgresParagraphSql =
        "SELECT \"Id\" AS \"Id\", ts_rank(" + PostgresKzRightsDbContext.SearchVectorColumn + ", q)::float8 AS \"Rank\" " +
        "FROM paragraphs, (SELECT plainto_tsquery('english', {0}) || plainto_tsquery('russian', {0}) AS q) AS query " +
        "WHERE " + PostgresKzRightsDbContext.SearchVectorColumn + " @@ q";

    private const string PostgresRecommendationSql =
        "SELECT \"Id\" AS \"Id\", ts_rank(" + PostgresKzRightsDbContext.SearchVectorColumn + ", q)::float8 AS \"Rank\" " +
        "FROM recommendations, (SELECT plainto_tsquery('english', {0}) AS q) AS query " +
        "WHERE " + PostgresKzRightsDbContext.SearchVectorColumn + " @@ q";

    public async Task<IReadOnlyList<SearchMatch>> MatchAsync(SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        if (terms.IsEmpty || targets.Count == 0)
        {
            return [];
        }

        var matches = db.Provider switch
        {
            DatabaseProvider.Sqlite => await SqliteAsync(terms, targets, ct),
            DatabaseProvider.Postgres => await PostgresAsync(terms, targets, ct),
            _ => await LikeFallbackAsync(terms, targets, ct),
        };
        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Target)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private async Task<List<SearchMatch>> SqliteAsync(SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        // Every token becomes a quoted FTS5 string (embedded quotes cannot occur: tokens are letters and digits),
        // so user input is never interpreted as FTS syntax. Adjacent strings mean AND.
        var ftsQuery = string.Join(' ', terms.Tokens.Select(t => $"\"{t}\""));
        var rows = await db.Database
            .SqlQueryRaw<SqliteRow>(SqliteSql, ftsQuery)
            .ToListAsync(ct);
        return rows
            .Select(r => new SearchMatch(ParseTarget(r.Kind), r.Id, Round(-r.Rank)))
            .Where(m => targets.Contains(m.Target))
            .ToList();
    }

    private async Task<List<SearchMatch>> PostgresAsync(SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        var text = string.Join(' ', terms.Tokens);
        var result = new List<SearchMatch>();
        if (targets.Contains(SearchTarget.Paragraph))
        {
            // plainto_tsquery takes free text and never raises a syntax error; both languages' stemmers are asked.
            var rows = await db.Database.SqlQueryRaw<PostgresRow>(PostgresParagraphSql, text)
                .ToListAsync(ct);
            result.AddRange(rows.Select(r => new SearchMatch(SearchTarget.Paragraph, r.Id, Round(r.Rank))));
        }

        if (targets.Contains(SearchTarget.Recommendation))
        {
            var rows = await db.Database.SqlQueryRaw<PostgresRow>(PostgresRecommendationSql, text)
                .ToListAsync(ct);
            result.AddRange(rows.Select(r => new SearchMatch(SearchTarget.Recommendation, r.Id, Round(r.Rank))));
        }

        return result;
    }

    // SQL Server without a full-text catalog (and any other provider): every token must occur; the score counts
    // occurrences. Tokens are passed as LIKE parameters with wildcards escaped.
    private async Task<List<SearchMatch>> LikeFallbackAsync(SearchTerms terms, IReadOnlyCollection<SearchTarget> targets, CancellationToken ct)
    {
        var result = new List<SearchMatch>();
        if (targets.Contains(SearchTarget.Paragraph))
        {
            var query = db.Paragraphs.AsNoTracking().AsQueryable();
            foreach (var pattern in terms.Tokens.Select(LikePattern))
            {
                query = query.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
            }

            var rows = await query.Select(p => new { p.Id, p.SearchText }).ToListAsync(ct);
            result.AddRange(rows.Select(r => new SearchMatch(SearchTarget.Paragraph, r.Id, Occurrences(r.SearchText, terms))));
        }

        if (targets.Contains(SearchTarget.Recommendation))
        {
            var query = db.Recommendations.AsNoTracking().AsQueryable();
            foreach (var pattern in terms.Tokens.Select(LikePattern))
            {
                query = query.Where(r => EF.Functions.Like(r.SearchText, pattern, "\\"));
            }

            var rows = await query.Select(r => new { r.Id, r.SearchText }).ToListAsync(ct);
            result.AddRange(rows.Select(r => new SearchMatch(SearchTarget.Recommendation, r.Id, Occurrences(r.SearchText, terms))));
        }

        return result;
    }

    private static string LikePattern(string token) =>
        "%" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static double Occurrences(string text, SearchTerms terms)
    {
        var count = 0;
        foreach (var token in terms.Tokens)
        {
            for (var i = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    private static SearchTarget ParseTarget(string kind) =>
        kind == "recommendation" ? SearchTarget.Recommendation : SearchTarget.Paragraph;

    private static double Round(double score) => Math.Round(score, 6, MidpointRounding.ToEven);

    private sealed record SqliteRow(string Kind, string Id, double Rank);

    private sealed record PostgresRow(string Id, double Rank);
}
