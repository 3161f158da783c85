using System.Diagnostics;
using KzRights.Data.Releases;
using Microsoft.Extensions.Logging;

namespace KzRights.Data.Datasets;

/// <summary>Writes every release's dataset as it is published. It runs inside the publishing transaction, so the
/// tables are read from exactly the data the release hashed; if the files cannot be written the release is not
/// published (a release without its dataset would break the promise that every release can be downloaded). If the
/// transaction rolls back after the files were written, their folder names no release and is never served.</summary>
public sealed class DatasetPublishingHandler(DatasetStore datasets, ILogger<DatasetPublishingHandler> logger) : IReleasePublishingHandler
{
    public async Task OnPublishingAsync(ReleasePublication publication, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var manifest = await datasets.PublishAsync(publication.Db, publication.Release, ct);
        logger.LogInformation("Wrote the dataset of release {Release} in {ElapsedMs} ms: {Files} files, {Bytes} bytes, {Rows} table rows",
            manifest.ReleaseId, clock.ElapsedMilliseconds, manifest.Files.Count, manifest.Files.Sum(f => f.Bytes),
            manifest.Files.Where(f => f.Format == "csv").Sum(f => f.Rows ?? 0));
    }
}
