using KzRights.Data.Entities;
using KzRights.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Providers;

/// <summary>SQL Server: binary collation on sort keys and an application lock for the ingest. Full-text search needs a
/// full-text catalog that not every edition or host has, so search is LIKE matching of each query word, ranked by
/// occurrence count (documented in the README).</summary>
public sealed class SqlServerProvider : KzRightsDatabaseProvider<SqlServerKzRightsDbContext>
{
    public override DatabaseProvider Kind => DatabaseProvider.SqlServer;

    public override string? SortKeyCollation => "Latin1_General_BIN2";

    public override string FirstRowsClause(string count) => $"OFFSET 0 ROWS FETCH NEXT {count} ROWS ONLY";

    // Snapshot isolation would need ALLOW_SNAPSHOT_ISOLATION on the database; serializable gets the same answers with
    // locks instead (a publish waits for the reads in flight, and they for it).
    public override async Task<IAsyncDisposable> BeginReadSnapshotAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);

    protected override void Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlServer(options.ConnectionString,
            o => o.EnableRetryOnFailure(options.MaxRetryCount, RetryDelayCap, null)
                // One JSON parameter per id list: SQL Server refuses more than 2,100 parameters (see SqliteProvider).
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public override KzRightsDbContext CreateDesignTimeContext() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // No provider-only columns: search reads SearchText with LIKE.
    }

    public override async Task AcquireIngestLockAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(
            "EXEC sp_getapplock @Resource = 'kzrights-ingest', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 600000", ct);

    // SQL Server updates stale statistics itself when it compiles a query (AUTO_UPDATE_STATISTICS, on by default).
    public override Task RefreshPlannerStatisticsAsync(KzRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    // LIKE matching reads the rows themselves; there is no index to rebuild.
    public override Task RebuildFullTextIndexAsync(KzRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    // Every token must occur; the score counts occurrences. Tokens are passed as LIKE parameters with wildcards escaped.
    // Without a full-text index there is nothing for the server to rank with, so matches are ranked here, in memory:
    // fine for the seed corpus, not for a large one (README: SQL Server is experimental).
    public override async Task<List<SearchMatch>> RankAsync(KzRightsDbContext db, SearchQuery query, SearchMatch? after, int take, CancellationToken ct) =>
        (await MatchAsync(db, query, ct))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Target).ThenBy(m => m.Id, StringComparer.Ordinal)
            .SkipWhile(m => after is not null && IsAtOrBefore(m, after))
            .Take(take)
            .ToList();

    public override async Task<int> CountAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct) => (await MatchAsync(db, query, ct)).Count;

    public override IQueryable<string> MatchingIds(KzRightsDbContext db, SearchQuery query)
    {
        var (paragraphs, recommendations) = Matching(db, query.Terms);
        var excluded = query.ExcludedIds.ToArray();
        var ids = query.Targets.Contains(SearchTarget.Paragraph) ? paragraphs.Select(p => p.Id) : db.Paragraphs.Where(_ => false).Select(p => p.Id);
        if (query.Targets.Contains(SearchTarget.Recommendation))
        {
            ids = ids.Concat(recommendations.Select(r => r.Id));
        }

        return excluded.Length == 0 ? ids : ids.Where(id => !excluded.Contains(id));
    }

    private static bool IsAtOrBefore(SearchMatch m, SearchMatch after) =>
        m.Score > after.Score
            || (m.Score == after.Score && (m.Target < after.Target || (m.Target == after.Target && string.CompareOrdinal(m.Id, after.Id) <= 0)));

    private static async Task<List<SearchMatch>> MatchAsync(KzRightsDbContext db, SearchQuery query, CancellationToken ct)
    {
        var (terms, targets) = (query.Terms, query.Targets);
        var (paragraphs, recommendations) = Matching(db, terms);
        var result = new List<SearchMatch>();
        if (targets.Contains(SearchTarget.Paragraph))
        {
            var found = await paragraphs.Select(p => new { p.Id, p.SearchText }).ToListAsync(ct);
            result.AddRange(found.Select(r => new SearchMatch(SearchTarget.Paragraph, r.Id, Occurrences(r.SearchText, terms))));
        }

        if (targets.Contains(SearchTarget.Recommendation))
        {
            var found = await recommendations.Select(r => new { r.Id, r.SearchText }).ToListAsync(ct);
            result.AddRange(found.Select(r => new SearchMatch(SearchTarget.Recommendation, r.Id, Occurrences(r.SearchText, terms))));
        }

        return result.Where(m => !query.ExcludedIds.Contains(m.Id)).ToList();
    }

    /// <summary>The paragraphs and recommendations whose text holds every token (not run here).</summary>
    private static (IQueryable<ParagraphEntity> Paragraphs, IQueryable<RecommendationEntity> Recommendations) Matching(KzRightsDbContext db, SearchTerms terms)
    {
        var paragraphs = db.Paragraphs.Untracked().AsQueryable();
        var recommendations = db.Recommendations.Untracked().AsQueryable();
        foreach (var pattern in terms.Tokens.Select(LikePattern))
        {
            paragraphs = paragraphs.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
            recommendations = recommendations.Where(r => EF.Functions.Like(r.SearchText, pattern, "\\"));
        }

        return (paragraphs, recommendations);
    }

    private static string LikePattern(string token) =>
        "%" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            + "%";

    private static double Occurrences(string text, SearchTerms terms)
    {
        var count = 0;
        foreach (var token in terms.Tokens)
        {
            for (
                var i = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
                i >= 0;
                i = text.IndexOf(token, i + token.Length, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }
}

public sealed class SqlServerKzRightsDbContext(DbContextOptions<SqlServerKzRightsDbContext> options) : KzRightsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqlServerKzRightsDbContext</c>; contacts no server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerKzRightsDbContext>
{
    public SqlServerKzRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKzRightsDbContext>().UseSqlServer("Server=localhost;Database=kzrights;TrustServerCertificate=true").Options);
}
