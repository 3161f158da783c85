using System.ComponentModel.DataAnnotations;

namespace KzRights.Data.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Rows written per <c>SaveChanges</c> (the change tracker is emptied after each) and records built, hashed
    /// and stored per keyset page when a release is published. Memory of the writing steps depends on it, not on the
    /// corpus size; the release is the same whatever it is (tests ingest with 2).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Ingest:BatchSize must be at least 1")]
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest one statement of an ingest may run, in seconds. The providers' default of 30 s is too short for its
    /// set-based statements at scale: at 1,000,000 paragraphs copying the 1,871,008 record hashes of the release into
    /// its table took longer, was cancelled, and the execution strategy, taking the timeout for a transient fault, began
    /// the whole ingest again (45 minutes, bound to end the same way).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Ingest:CommandTimeoutSeconds must be at least 1")]
    public int CommandTimeoutSeconds { get; set; } = 600;

    /// <summary>On PostgreSQL, a word found in at least this many records is ranked by the ingest, and a one-word search
    /// for it reads its first 1,000 matches per type instead of ranking every match (the answers are the same). At
    /// 1,000,000 paragraphs (the corpus 963 times over, a machine busy with other work) a word in 5,778 records was ranked
    /// live in 14 to 20 ms, one in 10,593 in 34 to 47 ms, "women" (240,750) in 544 to 621 ms.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Ingest:RankedSearchMinMatches must be at least 1")]
    public int RankedSearchMinMatches { get; set; } = 5000;
}

/// <summary>Memory between the steps of an ingest.</summary>
internal static class IngestMemory
{
    /// <summary>A full, compacting collection that returns the free memory to the system. An ingest is a batch job whose
    /// steps (parse and analysis, writing the tables, building the read model, writing the dataset) each allocate a lot
    /// and let go of it when done; the server garbage collector keeps what one step committed, so the next one's peak
    /// adds to it. Collected at each boundary, the process peak is that of the largest step instead of their sum. A
    /// pause of about a second per call, a few times per ingest.</summary>
    public static void CollectBetweenSteps() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
