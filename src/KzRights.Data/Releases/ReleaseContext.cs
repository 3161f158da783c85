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

    public Task OnPublishedAsync(ReleaseDto release, CancellationToken ct)
    {
        Remember(release);
        return Task.CompletedTask;
    }

    private void Remember(ReleaseDto? release)
    {
        _loaded = new Loaded(release, clock.GetUtcNow());
        if (release is not null)
        {
            KzRightsMetrics.ReleaseServed(release.PublishedAt);
        }
    }

    private sealed record Loaded(ReleaseDto? Release, DateTimeOffset At);
}

/// <summary>Configuration section <c>Releases</c>.</summary>
public sealed class ReleaseOptions
{
    public const string SectionName = "Releases";

    /// <summary>How long an instance trusts its memory of the latest release before asking the database again.</summary>
    [Range(0d, double.MaxValue, ErrorMessage = "Releases:{0} must not be negative")]
    public double RefreshSeconds { get; set; } = 5;
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
