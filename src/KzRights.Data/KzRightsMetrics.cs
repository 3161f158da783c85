using System.Diagnostics.Metrics;

namespace KzRights.Data;

/// <summary>The application's own metrics (meter <c>KzRights</c>), exported with the ASP.NET Core, EF Core and runtime
/// ones through OpenTelemetry: <c>/metrics</c> for Prometheus, OTLP when configured.</summary>
public static class KzRightsMetrics
{
    public const string MeterName = "KzRights";

    private static readonly Meter Meter = new(MeterName);

    private static long _corpusIngestedAtTicks;
    private static long _releasePublishedAtTicks;

    /// <summary>Seconds an ingest took, from parse to commit.</summary>
    public static readonly Histogram<double> IngestDuration = Meter.CreateHistogram<double>(
        "kzrights.ingest.duration",
        "s",
        "Time to parse, analyse and store the corpus");

    /// <summary>Cost (complexity) of each executed GraphQL query.</summary>
    public static readonly Histogram<double> GraphQLCost = Meter.CreateHistogram<double>(
        "kzrights.graphql.cost",
        "{cost}",
        "Computed complexity of executed GraphQL queries",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 100, 1_000, 10_000, 100_000] });

    /// <summary>Reads under /v1 and GET /graphql by output-cache outcome (<c>result</c>: hit or miss); the hit ratio is
    /// hit ÷ (hit + miss).</summary>
    public static readonly Counter<long> OutputCacheRequests = Meter.CreateCounter<long>("kzrights.output_cache.requests", "{request}",
        "Cacheable reads answered from the output cache (result=hit) or by running the query (result=miss)");

    /// <summary>Output-cache store operations that failed or were skipped while the shared store (Redis) is unreachable
    /// (<c>operation</c>: get, set or evict); the answers were served from the database instead.</summary>
    public static readonly Counter<long> OutputCacheStoreFailures = Meter.CreateCounter<long>("kzrights.output_cache.store_failures", "{operation}",
        "Output-cache store operations that failed or were skipped because the shared store is unreachable");

    static KzRightsMetrics()
    {
        Meter.CreateObservableGauge("kzrights.corpus.age", () => AgeOf(ref _corpusIngestedAtTicks), "s", "Seconds since the served corpus was ingested");
        Meter.CreateObservableGauge("kzrights.release.age", () => AgeOf(ref _releasePublishedAtTicks), "s", "Seconds since the served release was published");
    }

    /// <summary>Remembers when the served corpus was ingested (called at start and by the readiness probe).</summary>
    public static void CorpusServed(DateTimeOffset ingestedAt) => Interlocked.Exchange(ref _corpusIngestedAtTicks, ingestedAt.UtcTicks);

    /// <summary>Remembers when the served release was published (whenever an instance learns of the latest release).</summary>
    public static void ReleaseServed(DateTimeOffset publishedAt) => Interlocked.Exchange(ref _releasePublishedAtTicks, publishedAt.UtcTicks);

    private static IEnumerable<Measurement<double>> AgeOf(ref long field)
    {
        var ticks = Interlocked.Read(ref field);
        return ticks == 0 ? [] : [new Measurement<double>((DateTimeOffset.UtcNow.UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond)];
    }
}
