using System.Diagnostics;
using KzRights.Data.Providers;
using KzRights.Data.Releases;
using KzRights.Parsing.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KzRights.Data.Ingest;

/// <summary>What an ingest did; <see cref="Release"/> is the release it published, null when the data was unchanged.</summary>
public sealed record IngestResult(bool Ingested, string ManifestSha256, string Summary, TimeSpan Elapsed, ReleaseDto? Release = null);

/// <summary>Loads the corpus into the database. Every document is parsed once first (a corpus that does not parse fails
/// before anything is locked or deleted); the corpus is then replaced inside one transaction, read, analysed and written
/// a document at a time (<see cref="CorpusWriter"/>), so a failed write leaves the previous data intact and memory does
/// not grow with the corpus. Ids come from the data, so re-running it yields the same rows. When the data differs from
/// the latest release, the same transaction publishes a new release (<see cref="ReleasePublisher"/>); listeners hear of
/// it after the commit.</summary>
public sealed class CorpusIngestor(
    KzRightsDbContext db,
    KzRightsDatabaseProvider provider,
    ReleasePublisher publisher,
    IngestOptions options,
    IEnumerable<IReleasePublishedListener> listeners,
    ILogger<CorpusIngestor> logger)
{
    private const int StateRowId = 1;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // This context is the ingest's (or the migration's) own: its statements get the ingest's timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(options.CommandTimeoutSeconds));
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            DataServiceCollectionExtensions.EnsureSqliteDirectory(db.Database.GetConnectionString()!);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>For a database this process may not write: fails when its schema is older than this build or it
    /// holds no corpus; returns the stored corpus summary otherwise.</summary>
    public async Task<IngestResult> VerifyReadOnlyAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        if (pending.Length > 0)
        {
            throw new InvalidOperationException($"the database schema lacks {pending.Length} migration(s) of this build ({pending[^1]}); " +
                "apply them with a writable connection (Database:ReadOnly=false) first");
        }

        var state = await db.IngestState.Untracked().SingleOrDefaultAsync(s => s.Id == StateRowId, cancellationToken)
            ?? throw new InvalidOperationException("the database holds no corpus; ingest it with a writable connection first");
        return new IngestResult(false, state.ManifestSha256, state.Summary, TimeSpan.Zero);
    }

    /// <summary>What the stored corpus is (manifest hash, ingest time, summary), or null before the first ingest.</summary>
    public async Task<Entities.IngestStateEntity?> StoredStateAsync(CancellationToken cancellationToken = default) =>
        await db.IngestState.Untracked().SingleOrDefaultAsync(s => s.Id == StateRowId, cancellationToken);

    /// <summary>Ingests when the database is empty or the manifest changed (or always, with <paramref name="force"/>).</summary>
    public async Task<IngestResult> EnsureIngestedAsync(
        string corpusDirectory,
        bool force = false,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await MigrateAsync(cancellationToken);
        var manifestHash = CorpusManifest.ComputeManifestHash(corpusDirectory);
        var state = await db.IngestState.Untracked().SingleOrDefaultAsync(s => s.Id == StateRowId, cancellationToken);
        // A database ingested before releases existed has none yet: it is ingested once more to publish the first.
        if (!force && state is not null && state.ManifestSha256 == manifestHash && await db.Releases.AnyAsync(cancellationToken))
        {
            return new IngestResult(false, manifestHash, state.Summary, clock.Elapsed);
        }

        // Every document is parsed once before the transaction and let go at once, so a corpus that does not parse fails
        // before any lock is taken or row deleted; the transaction parses each again as it writes it.
        progress?.Report($"checking that every document of {corpusDirectory} parses");
        CorpusWriter.CheckParses(corpusDirectory);
        string? summary = null;
        var strategy = db.Database.CreateExecutionStrategy();
        var replaced = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Several API instances may start at once against one server: the first takes the lock and ingests,
            // the others wait, then find the state current and skip.
            await provider.AcquireIngestLockAsync(db, ct);
            var current = await db.IngestState.Untracked().SingleOrDefaultAsync(s => s.Id == StateRowId, ct);
            if (!force && current is not null && current.ManifestSha256 == manifestHash && await db.Releases.AnyAsync(ct))
            {
                summary = current.Summary;
                return (Replaced: false, Release: (ReleaseDto?)null);
            }

            progress?.Report("replacing stored corpus");
            await DeleteAllAsync(ct);
            // A retry of the transaction (a transient database fault) reads the corpus again from the start.
            summary = await new CorpusWriter(db, options.BatchSize, progress).WriteAsync(corpusDirectory, ct);
            db.IngestState.Add(new Entities.IngestStateEntity
            {
                Id = StateRowId,
                ManifestSha256 = manifestHash,
                IngestedAt = DateTimeOffset.UtcNow,
                Summary = summary,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            IngestMemory.CollectBetweenSteps();
            progress?.Report("refreshing the query planner's statistics");
            await provider.RefreshPlannerStatisticsAsync(db, ct);
            progress?.Report("rebuilding the full-text index");
            await provider.RebuildFullTextIndexAsync(db, ct);
            progress?.Report("ranking frequent search words and phrases");
            await provider.PrecomputeSearchRankingsAsync(db, options.RankedSearchMinMatches, ct);
            db.ChangeTracker.Clear();
            progress?.Report("hashing records and comparing them with the latest release");
            var release = await publisher.PublishIfChangedAsync(manifestHash, ct, progress);
            progress?.Report(release is null ? "committing: data unchanged, no release" : $"committing release {release.Id}");
            // Reads in flight finish on the old release and later ones read the new: each answer reads one snapshot
            // (ReleaseContext.ReadInSnapshotAsync).
            await transaction.CommitAsync(ct);
            if (release is not null)
            {
                foreach (var listener in listeners)
                {
                    await listener.OnPublishedAsync(release, ct);
                }
            }

            db.ChangeTracker.Clear();
            return (Replaced: true, Release: release);
        }, cancellationToken);

        if (!replaced.Replaced)
        {
            return new IngestResult(false, manifestHash, summary!, clock.Elapsed);
        }

        progress?.Report("maintaining the database for serving");
        try
        {
            await provider.MaintainAfterIngestAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The release is committed and announced; the server's own maintenance (autovacuum) will catch up.
            logger.LogWarning("Maintenance after the ingest failed, left to the database server: {Message}", e.Message);
        }

        KzRightsMetrics.IngestDuration.Record(clock.Elapsed.TotalSeconds);
        logger.LogInformation(
            "Ingested corpus {ManifestSha256} in {ElapsedMs} ms: {Summary}; {Release}",
            manifestHash[..12],
            clock.ElapsedMilliseconds,
            summary!,
            replaced.Release is null ? "data unchanged, no release published" : $"published release {replaced.Release.Id}");
        return new IngestResult(true, manifestHash, summary!, clock.Elapsed, replaced.Release);
    }

    private async Task DeleteAllAsync(CancellationToken ct)
    {
        // Children first: not every provider cascades a set-based delete.
        await db.ServedRecords.ExecuteDeleteAsync(ct);
        await db.ThemeTags.ExecuteDeleteAsync(ct);
        await db.EntityMentions.ExecuteDeleteAsync(ct);
        await db.NamedEntities.ExecuteDeleteAsync(ct);
        await db.SeriesPoints.ExecuteDeleteAsync(ct);
        await db.Series.ExecuteDeleteAsync(ct);
        await db.Quotas.ExecuteDeleteAsync(ct);
        await db.Indicators.ExecuteDeleteAsync(ct);
        await db.Facts.ExecuteDeleteAsync(ct);
        await db.Themes.ExecuteDeleteAsync(ct);
        await db.ResponseLinks.ExecuteDeleteAsync(ct);
        await db.TranslationLinks.ExecuteDeleteAsync(ct);
        await db.Recommendations.ExecuteDeleteAsync(ct);
        await db.SubItems.ExecuteDeleteAsync(ct);
        await db.Footnotes.ExecuteDeleteAsync(ct);
        await db.Paragraphs.ExecuteDeleteAsync(ct);
        await db.Sections.ExecuteDeleteAsync(ct);
        await db.SourceReferences.ExecuteDeleteAsync(ct);
        await db.DocumentDates.ExecuteDeleteAsync(ct);
        await db.Documents.ExecuteDeleteAsync(ct);
        await db.IngestState.ExecuteDeleteAsync(ct);
        // Releases and their record hashes are history: never deleted.
    }
}
