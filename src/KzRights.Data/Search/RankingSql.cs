using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Search;

/// <summary>What a search asks the database for: records of <see cref="Targets"/> holding every token of
/// <see cref="Terms"/>, less <see cref="ExcludedIds"/> (records already placed first by a locator query).</summary>
public sealed record SearchQuery(SearchTerms Terms, IReadOnlyCollection<SearchTarget> Targets, IReadOnlyCollection<string> ExcludedIds);

/// <summary>Runs a provider's match statement (columns <c>"Target"</c> 0 or 1, <c>"Id"</c>, <c>"Score"</c> already
/// rounded, higher is better) the two ways search needs it: the next page in ranking order (score descending,
/// target, id in byte order) after a keyset position, and the number of matches. The database
/// ranks and keeps the top rows (ORDER BY … LIMIT); only the page comes back.</summary>
public sealed class RankingSql(string matchSql, IReadOnlyList<object> parameters, string idCollation)
{
    public async Task<List<SearchMatch>> PageAsync(KzRightsDbContext db, SearchMatch? after, int take, CancellationToken ct)
    {
        var values = new List<object>(parameters);
        string Next(object value)
        {
            values.Add(value);
            return "{" + (values.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var keyset = string.Empty;
        if (after is not null)
        {
            var (score, target, id) = (Next(after.Score), Next((int)after.Target), Next(after.Id));
            keyset = $" WHERE (m.\"Score\" < {score} OR (m.\"Score\" = {score} AND (m.\"Target\" > {target} " +
                $"OR (m.\"Target\" = {target} AND m.\"Id\"{idCollation} > {id}))))";
        }

        var sql = $"SELECT m.\"Target\", m.\"Id\", m.\"Score\" FROM ({matchSql}) AS m{keyset} " +
            $"ORDER BY m.\"Score\" DESC, m.\"Target\", m.\"Id\"{idCollation} LIMIT {Next(take)}";
        return await MatchesAsync(db, sql, values.ToArray(), ct);
    }

    /// <summary>The rows of a statement that selects a match statement's columns, as matches.</summary>
    public static async Task<List<SearchMatch>> MatchesAsync(KzRightsDbContext db, string sql, object[] parameters, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(ct);
        return rows.ConvertAll(r => new SearchMatch((SearchTarget)r.Target, r.Id, r.Score));
    }

    // Every value in these statements is a parameter; the provider's statement holds only constants and placeholders.
    public async Task<int> CountAsync(KzRightsDbContext db, CancellationToken ct)
    {
        var sql = "SELECT count(*) AS \"Value\" FROM (" + matchSql + ") AS m";
        return (int)(await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(ct)).Single();
    }

    private sealed record Row(int Target, string Id, double Score);
}
