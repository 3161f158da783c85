using Microsoft.Extensions.Configuration;

namespace KzRights.Data.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Rows written per <c>SaveChanges</c> (the change tracker is emptied after each) and records built, hashed
    /// and stored per keyset page when a release is published. Memory of the writing steps depends on it, not on the
    /// corpus size; the release is the same whatever it is (tests ingest with 2).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The section as configured; a batch size below 1 is a configuration error found at start.</summary>
    public static IngestOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<IngestOptions>() ?? new IngestOptions();
        return options.BatchSize >= 1
            ? options
            : throw new InvalidOperationException($"{SectionName}:BatchSize must be at least 1 (it is {options.BatchSize})");
    }
}
