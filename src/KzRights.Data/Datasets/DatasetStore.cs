using System.ComponentModel.DataAnnotations;
using KzRights.Data.Releases;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Datasets;

/// <summary>The <c>Datasets</c> configuration section.</summary>
public sealed class DatasetOptions
{
    public const string SectionName = "Datasets";

    /// <summary>Where each release's dataset is written, one folder per release (relative to the content root).
    /// Several instances must share it (a mounted volume): the instance that publishes a release writes its files
    /// once, and every instance serves them.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Datasets:Directory must be set")]
    public string Directory { get; set; } = "data/datasets";
}

/// <summary>The datasets of releases, as files in <see cref="DatasetOptions.Directory"/>.
/// Files rather than database rows: a dataset is written once at publish time and never changes, it is tens of MB on
/// a multiplied corpus, and a file is what ranged, resumable downloads (ETag, Range) are served from without holding
/// it in memory. A dataset can be rebuilt later only for the latest release (the database holds only the current
/// corpus), so the folder is kept like a backup: earlier releases stay downloadable as long as their folders are kept.</summary>
public sealed class DatasetStore(string root)
{
    public string Root { get; } = root;

    /// <summary>Writes the dataset of <paramref name="release"/> from the corpus <paramref name="db"/> reads, which
    /// must be the data of that release (the publishing transaction, or the latest release).</summary>
    public async Task<DatasetManifest> PublishAsync(KzRightsDbContext db, ReleaseDto release, CancellationToken ct)
    {
        var sources = await db.Documents.Untracked().OrderBy(d => d.Ordinal)
            .Select(d => new DatasetSource(d.Title, d.SourceFile, d.Sha256))
            .ToListAsync(ct);
        return await DatasetWriter.WriteAsync(db, release, FolderOf(release.Id), sources, ct);
    }

    /// <summary>Writes the latest release's dataset again from the database, which holds that release's data, read in
    /// one snapshot; null when nothing has been published yet.</summary>
    public async Task<DatasetManifest?> RebuildLatestAsync(KzRightsDbContext db, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            // The read transaction every answer uses: one state of the data however long the write takes, and on SQLite a
            // shared lock (EF Core's own BeginTransaction would take the write lock there for the whole write).
            await using var snapshot = await Providers.KzRightsDatabaseProvider.For(db.Provider).BeginReadSnapshotAsync(db, cancel);
            return await ReleaseQueries.LatestEntityAsync(db, cancel) is { } latest ? await PublishAsync(db, ReleaseQueries.ToDto(latest), cancel) : null;
        }, ct);

    /// <summary>Whether <paramref name="releaseId"/>'s dataset has been written here.</summary>
    public bool Has(string releaseId) => File.Exists(Path.Combine(FolderOf(releaseId), DatasetWriter.ManifestFile));

    public Task<DatasetManifest?> ManifestAsync(string releaseId, CancellationToken ct) => DatasetWriter.ReadManifestAsync(FolderOf(releaseId), ct);

    /// <summary>The path of one file the manifest lists (never a path built from the name alone).</summary>
    public string PathOf(string releaseId, DatasetFile file) => Path.Combine(FolderOf(releaseId), file.Name);

    // An id of plain characters names its folder as it is; any other is hex-encoded, so no id can leave the root.
    private string FolderOf(string releaseId) => Path.Combine(Root,
        releaseId.Length is > 0 and <= 100 && releaseId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !releaseId.StartsWith('.')
            ? releaseId
            : "x-" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(releaseId)));
}
