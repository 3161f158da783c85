using System.ComponentModel.DataAnnotations;
using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Releases;

/// <summary>The latest published release, held in memory. A publish in this process replaces it at once; a publish
/// by another instance on the same database is seen at the first answer this instance reads from the database after it
/// (<see cref="ReleaseContext.ReadInSnapshotAsync"/>), and at the latest after <see cref="ReleaseOptions.RefreshSeconds"/>.</summary>
public sealed class CurrentRelease(IServiceScopeFactory scopes, ReleaseOptions options, TimeProvider clock) : IReleasePublishedListener
{
    private volatile Loaded? _loaded;

    public async ValueTask<ReleaseDto?> GetAsync(CancellationToken ct)
    {
        var loaded = _loaded;
        if (loaded is not null && clock.GetUtcNow() - loaded.At < TimeSpan.FromSeconds(options.RefreshSeconds))
        {
            return loaded.Release;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var latest = await ReleaseQueries.LatestEntityAsync(db, ct);
        var release = latest is null ? null : ReleaseQueries.ToDto(latest);
        Remember(release);
        return release;
    }

    /// <summary>The release this instance last learned of, without asking the database (request logs).</summary>
    public ReleaseDto? Known => _loaded?.Release;

    /// <summary>The list totals counted in <paramref name="release"/>, or null when this instance has since learned of
    /// another release (the request's total is then counted, not remembered).</summary>
    internal ListTotals? TotalsOf(ReleaseDto release) =>
        _loaded is { Release: { } known } loaded && known.Id == release.Id ? loaded.Totals : null;

    /// <summary>The release <paramref name="latestId"/>, which a request read as the latest in its snapshot of
    /// <paramref name="db"/>: the one in memory when it is that release, else loaded in that snapshot and, when newer than
    /// the one in memory, remembered (another instance published it since this one last asked).</summary>
    internal async Task<ReleaseDto> LatestAsync(string latestId, KzRightsDbContext db, CancellationToken ct)
    {
        if (_loaded?.Release is { } known && known.Id == latestId)
        {
            return known;
        }

        var release = ReleaseQueries.ToDto(await db.Releases.Untracked().SingleAsync(r => r.Id == latestId, ct));
        if (_loaded?.Release is not { } remembered || remembered.PublishedAt <= release.PublishedAt)
        {
            Remember(release);
        }

        return release;
    }

    public Task OnPublishedAsync(ReleaseDto release, CancellationToken ct)
    {
        Remember(release);
        return Task.CompletedTask;
    }

    private void Remember(ReleaseDto? release)
    {
        // The totals stay with their release: asking the database again and hearing the same release keeps them.
        var totals = _loaded is { Release: { } known } previous && known.Id == release?.Id
            ? previous.Totals
            : new ListTotals(options.ListTotalsPerRelease);
        _loaded = new Loaded(release, clock.GetUtcNow(), totals);
        if (release is not null)
        {
            KzRightsMetrics.ReleaseServed(release.PublishedAt);
        }
    }

    private sealed record Loaded(ReleaseDto? Release, DateTimeOffset At, ListTotals Totals);
}

/// <summary>Configuration section <c>Releases</c>.</summary>
public sealed class ReleaseOptions
{
    public const string SectionName = "Releases";

    /// <summary>How long an instance trusts its memory of the latest release (for validators, 304s and output-cache keys)
    /// before asking the database again. An answer read from the database always names the release it was read from.</summary>
    [Range(0d, double.MaxValue, ErrorMessage = "Releases:{0} must not be negative")]
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>How many list totals (one per list and filter) an instance remembers for the current release; 0 counts
    /// every page's total.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Releases:{0} must not be negative")]
    public int ListTotalsPerRelease { get; set; } = 10_000;
}

/// <summary>The release one request (or one ingest) reads, resolved once, so every part of a response names the same
/// release. Query services use it for citations.</summary>
public sealed class ReleaseContext
{
    private readonly CurrentRelease? _current;
    private readonly IServiceProvider? _services;
    private readonly string? _citationSuffix;

    /// <summary>The read model's totals: its lists are read page after page from tables that do not change meanwhile.</summary>
    private readonly ListTotals? _buildingTotals;
    private ReleaseDto? _release;
    private bool _resolved;
    private ReleaseDto? _known;
    private bool _knownAsked;

    /// <param name="current">This instance's memory of the latest release.</param>
    /// <param name="services">The request's services, for its DbContext: resolved only when a snapshot is opened, so an
    /// answer served from the output cache rents no context.</param>
    public ReleaseContext(CurrentRelease current, IServiceProvider services)
    {
        _current = current;
        _services = services;
    }

    private ReleaseContext(string? citationSuffix, ListTotals? buildingTotals = null)
    {
        _resolved = true;
        _citationSuffix = citationSuffix;
        _buildingTotals = buildingTotals;
    }

    /// <summary>Records built from the normalized tables with citations that carry no release.</summary>
    internal static ReleaseContext Unpublished() => new(citationSuffix: null);

    /// <summary>For the read model and the record hashes at ingest: records built from the normalized tables, citations
    /// ending in <see cref="ReadModel.ServedRecords.ReleaseToken"/>, so hashes and stored JSON depend on content alone.
    /// Each list's total is counted once (its first page), not on every page: at 1,000,000 paragraphs the count was half a
    /// second of each page of 500, 2,000 times.</summary>
    internal static ReleaseContext ForReadModel() => new(ReadModel.ServedRecords.ReleaseToken, new ListTotals(capacity: 64));

    /// <summary>True for a request's context: records come from the read model, built once per ingest.</summary>
    public bool ServesStoredRecords => _current is not null;

    /// <summary>The latest release this instance knows of, without a query (at most <see cref="ReleaseOptions.RefreshSeconds"/>
    /// old): what a request's validators and output-cache key are computed from before any data is read. The answer
    /// itself names <see cref="GetAsync"/>, which may be newer. Asked once per request: the validators and the cache key
    /// must name the same release, or a publish between the two would serve one release's cached body with the other's
    /// ETag.</summary>
    public async ValueTask<ReleaseDto?> KnownAsync(CancellationToken ct)
    {
        if (_current is null)
        {
            return await GetAsync(ct);
        }

        if (!_knownAsked)
        {
            _known = await _current.GetAsync(ct);
            _knownAsked = true;
        }

        return _known;
    }

    /// <summary>The release resolved for this request's answer so far (null before <see cref="GetAsync"/> or
    /// <see cref="ReadInSnapshotAsync"/>, or when nothing is published).</summary>
    public ReleaseDto? Resolved => _resolved ? _release : null;

    /// <summary>Runs <paramref name="read"/> (everything that reads a request's answer) inside one read transaction of the
    /// request's DbContext, the latest release read first in that transaction and named by every part of the answer.
    /// Without it another instance's publish, committed between two of the answer's queries or between this instance's
    /// memory of the latest release (<see cref="CurrentRelease"/>, refreshed every few seconds) and the data, would show
    /// one release's records under another's id, ETag and citations.</summary>
    public async Task ReadInSnapshotAsync(Func<Task> read, CancellationToken ct)
    {
        var db = (_services ?? throw new InvalidOperationException("Only a request's release context reads in a snapshot"))
            .GetRequiredService<KzRightsDbContext>();
        var provider = Providers.KzRightsDatabaseProvider.For(db.Provider);
        IAsyncDisposable? snapshot = null;
        try
        {
            // The transaction's first statement is the request's first use of its connection: retried like any query (a
            // pooled connection broken by a database restart fails here), the failed attempt's transaction ended first.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async cancel =>
                {
                    if (snapshot is not null)
                    {
                        await snapshot.DisposeAsync();
                    }

                    snapshot = await provider.BeginReadSnapshotAsync(db, cancel);
                    var latestId = await ReleaseQueries.LatestIdAsync(db, cancel);
                    _release = latestId is null ? null : await _current!.LatestAsync(latestId, db, cancel);
                    _resolved = true;
                },
                ct);

            // Inside the transaction a failed query cannot be retried alone (the retry would read outside the snapshot),
            // so the answer's queries run once, streamed; a fault fails the request (503 for a transient one).
            await Tables.StreamingReads.RunAsync(db, read);
        }
        finally
        {
            if (snapshot is not null)
            {
                await snapshot.DisposeAsync();
            }
        }
    }

    /// <summary>The release this request's answer names: the one read in its snapshot (<see cref="ReadInSnapshotAsync"/>),
    /// else, for work outside one (keyed endpoints, background work), the one this instance knows of.</summary>
    public async ValueTask<ReleaseDto?> GetAsync(CancellationToken ct)
    {
        if (!_resolved)
        {
            _release = await _current!.GetAsync(ct);
            _resolved = true;
        }

        return _release;
    }

    /// <summary>The totals of lists counted in this request's release (or while building the read model), or null where
    /// none are kept (the ingest's other contexts, no release yet, or a release this instance no longer serves).</summary>
    internal async ValueTask<ListTotals?> TotalsAsync(CancellationToken ct) =>
        _current is not null && await GetAsync(ct) is { } release ? _current.TotalsOf(release) : _buildingTotals;

    /// <summary>The total of the list <paramref name="scope"/>: remembered for this request's release where one is kept,
    /// else counted by <paramref name="count"/> (and remembered).</summary>
    internal async Task<int> TotalAsync(string scope, Func<CancellationToken, Task<int>> count, CancellationToken ct)
    {
        var totals = await TotalsAsync(ct);
        if (totals?.Find(scope) is { } known)
        {
            return known;
        }

        var total = await count(ct);
        totals?.Remember(scope, total);
        return total;
    }

    /// <summary>Turns a locator ("CCPR/C/KAZ/CO/3, para. 20 (a)") into a citation naming the release.</summary>
    public async ValueTask<Func<string, string>> CiterAsync(CancellationToken ct)
    {
        if (_citationSuffix is { } suffix)
        {
            return locator => locator + suffix;
        }

        var release = await GetAsync(ct);
        return release is null ? locator => locator : locator => locator + ReadModel.ServedRecords.Suffix(release.Id);
    }
}
