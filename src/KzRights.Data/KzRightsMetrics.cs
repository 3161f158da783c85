using System.Diagnostics.Metrics;

namespace KzRights.Data;

/// <summary>The application's own metrics (meter <c>KzRights</c>), exported with the ASP.NET Core, EF Core and runtime
/// ones through OpenTelemetry: <c>/metrics</c> for Prometheus, OTLP when configured.</summary>
public static class KzRightsMetrics
{
    public const string MeterName = "KzRights";

    private static readonly Meter Meter = new(MeterName);

    private static long _corpusIngestedAtTicks;

    /// <summary>Seconds an ingest took, from parse to commit.</summary>
    public static readonly Histogram<double> IngestDuration = Meter.CreateHistogram<double>("kzrights.ingest.duration", "s", "Time to parse, analyse and store the corpus");

    /// <summary>Cost (complexity) of each executed GraphQL query.</summary>
    public static readonly Histogram<double> GraphQLCost = Meter.CreateHistogram<double>("kzrights.graphql.cost", "{cost}", "Computed complexity of executed GraphQL queries",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 100, 1_000, 10_000, 100_000] });

    static KzRightsMetrics() =>
        Meter.CreateObservableGauge("kzrights.corpus.age", ObserveCorpusAge, "s", "Seconds since the served corpus was ingested");

    /// <summary>Remembers when the served corpus was ingested (called at start and by the readiness probe).</summary>
    public static void CorpusServed(DateTimeOffset ingestedAt) => Interlocked.Exchange(ref _corpusIngestedAtTicks, ingestedAt.UtcTicks);

    private static IEnumerable<Measurement<double>> ObserveCorpusAge()
    {
        var ticks = Interlocked.Read(ref _corpusIngestedAtTicks);
        return ticks == 0 ? [] : [new Measurement<double>((DateTimeOffset.UtcNow.UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond)];
    }
}
