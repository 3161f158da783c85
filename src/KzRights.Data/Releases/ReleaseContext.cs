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
        _loaded = new Loaded(release, clock.GetUtcNow());
        return release;
    }

    public Task OnPublishedAsync(ReleaseDto release, CancellationToken ct)
    {
        _loaded = new Loaded(release, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    private sealed record Loaded(ReleaseDto? Release, DateTimeOffset At);
}

/// <summary>Configuration section <c>Releases</c>.</summary>
public sealed class ReleaseOptions
{
    public const string SectionName = "Releases";

    /// <summary>How long an instance trusts its memory of the latest release before asking the database again.</summary>
    public double RefreshSeconds { get; set; } = 5;
}

/// <summary>The release one request (or one ingest) reads, resolved once, so every part of a response names the same
/// release. Query services use it for citations.</summary>
public sealed class ReleaseContext
{
    private readonly CurrentRelease? _current;
    private ReleaseDto? _release;
    private bool _resolved;

    public ReleaseContext(CurrentRelease current) => _current = current;

    private ReleaseContext()
    {
        _resolved = true;
    }

    /// <summary>For hashing at ingest: citations carry no release, so a record's hash depends on its content alone.</summary>
    internal static ReleaseContext Unpublished() => new();

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
        var release = await GetAsync(ct);
        return release is null ? locator => locator : locator => $"{locator} — KzRights release {release.Id}";
    }
}
