using System.ComponentModel.DataAnnotations;
using KzRights.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KzRights.Data.Releases;

/// <summary>The latest published release, held in memory. A publish in this process replaces it at once; a publish
/// by another instance on the same database is seen within <see cref="ReleaseOptions.RefreshSeconds"/>.</summary>
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

    /// <summary>How long an instance trusts its memory of the latest release before asking the database again.</summary>
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
    private readonly string? _citationSuffix;
    private ReleaseDto? _release;
    private bool _resolved;

    public ReleaseContext(CurrentRelease current) => _current = current;

    private ReleaseContext(string? citationSuffix)
    {
        _resolved = true;
        _citationSuffix = citationSuffix;
    }

    /// <summary>Records built from the normalized tables with citations that carry no release.</summary>
    internal static ReleaseContext Unpublished() => new(citationSuffix: null);

    /// <summary>For the read model and the record hashes at ingest: records built from the normalized tables, citations
    /// ending in <see cref="ReadModel.ServedRecords.ReleaseToken"/>, so hashes and stored JSON depend on content alone.</summary>
    internal static ReleaseContext ForReadModel() => new(ReadModel.ServedRecords.ReleaseToken);

    /// <summary>True for a request's context: records come from the read model, built once per ingest.</summary>
    public bool ServesStoredRecords => _current is not null;

    public async ValueTask<ReleaseDto?> GetAsync(CancellationToken ct)
    {
        if (!_resolved)
        {
            _release = await _current!.GetAsync(ct);
            _resolved = true;
        }

        return _release;
    }

    /// <summary>The totals of lists counted in this request's release, or null where none are kept (the ingest's
    /// contexts, no release yet, or a release this instance no longer serves).</summary>
    internal async ValueTask<ListTotals?> TotalsAsync(CancellationToken ct) =>
        _current is not null && await GetAsync(ct) is { } release ? _current.TotalsOf(release) : null;

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
