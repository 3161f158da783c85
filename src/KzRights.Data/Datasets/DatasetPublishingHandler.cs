using KzRights.Data.Releases;

namespace KzRights.Data.Datasets;

/// <summary>Writes every release's dataset as it is published. It runs inside the publishing transaction, so the
/// tables are read from exactly the data the release hashed; if the files cannot be written the release is not
/// published (a release without its dataset would break the promise that every release can be downloaded). If the
/// transaction rolls back after the files were written, their folder names no release and is never served.</summary>
public sealed class DatasetPublishingHandler(DatasetStore datasets) : IReleasePublishingHandler
{
    public Task OnPublishingAsync(ReleasePublication publication, CancellationToken ct) =>
        datasets.PublishAsync(publication.Db, publication.Release, ct);
}
