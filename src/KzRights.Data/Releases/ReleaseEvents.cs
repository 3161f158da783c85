namespace KzRights.Data.Releases;

/// <summary>Runs inside the publishing transaction, after the release and its record hashes are written and before
/// the commit: whatever it writes through <see cref="ReleasePublication.Db"/> commits or rolls back with the release
/// (a webhook outbox row, a dataset manifest). An exception aborts the publication and the ingest.
/// Register implementations as scoped services: <c>services.AddScoped&lt;IReleasePublishingHandler, MyHandler&gt;()</c>.</summary>
public interface IReleasePublishingHandler
{
    Task OnPublishingAsync(ReleasePublication publication, CancellationToken ct);
}

/// <summary>Runs after the publishing transaction committed, in the instance that published (cache eviction and other
/// in-memory reactions): keep it quick, and put slow work (deliveries, files) in an <see cref="IReleasePublishingHandler"/>
/// outbox instead. Register implementations as singletons:
/// <c>services.AddSingleton&lt;IReleasePublishedListener, MyListener&gt;()</c>.</summary>
public interface IReleasePublishedListener
{
    Task OnPublishedAsync(ReleaseDto release, CancellationToken ct);
}

/// <summary>What a publishing handler gets: the new release, the context of the open transaction (its normalized
/// tables already hold the new data) and the queries for its changes.</summary>
public sealed record ReleasePublication(ReleaseDto Release, KzRightsDbContext Db, ReleaseQueries Releases);
