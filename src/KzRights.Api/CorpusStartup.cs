using KzRights.Data;
using KzRights.Data.Datasets;
using KzRights.Data.Ingest;
using KzRights.Data.Releases;
using KzRights.Parsing.Corpus;

namespace KzRights.Api;

/// <summary>Prepares the database before the host listens (waiting for it when it is not reachable yet), and runs the
/// <c>ingest</c> command. A start that cannot succeed ends with one log line and exit code 1, never a crash.</summary>
public static class CorpusStartup
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public static string CorpusDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Corpus:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : CorpusParser.LocateCorpusDirectory(environment.ContentRootPath);

    /// <summary>Migrates and ingests as configured (or only checks a read-only database). False when the start cannot
    /// succeed; the reason has been logged.</summary>
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        try
        {
            app.Services.ValidateSettings();
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            await WithDatabaseAsync(app, options, async (ingestor, ct) =>
            {
                if (options.ReadOnly)
                {
                    var verified = await ingestor.VerifyReadOnlyAsync(ct);
                    app.Logger
                        .LogInformation("Serving a read-only database: corpus {ManifestSha256}: {Summary}", verified.ManifestSha256[..12], verified.Summary);
                }
                else if (!options.IngestOnStart)
                {
                    await ingestor.MigrateAsync(ct);
                }
                else
                {
                    await IngestIfNeededAsync(app, ingestor, ct);
                    await EnsureLatestDatasetAsync(app, ct);
                }

                if (await ingestor.StoredStateAsync(ct) is { } stored)
                {
                    KzRightsMetrics.CorpusServed(stored.IngestedAt);
                }
            });
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            app.Logger.LogCritical("Start failed: {Reason}", DatabaseFaults.Describe(ex));
            return false;
        }
    }

    private static async Task IngestIfNeededAsync(WebApplication app, CorpusIngestor ingestor, CancellationToken ct)
    {
        var corpus = CorpusDirectory(app.Configuration, app.Environment);
        if (CorpusManifest.FindMismatches(corpus) is { Count: > 0 } mismatches)
        {
            await ingestor.MigrateAsync(ct);
            foreach (var mismatch in mismatches)
            {
                app.Logger.LogWarning("Corpus file {Mismatch}: the stored corpus is served unchanged; fix the file or the manifest, then run ingest", mismatch);
            }

            _ = await ingestor.StoredStateAsync(ct)
                ?? throw new InvalidOperationException($"no corpus is stored yet and {corpus} does not match its manifest");
            return;
        }

        var result = await ingestor.EnsureIngestedAsync(corpus, cancellationToken: ct);
        if (!result.Ingested)
        {
            // The ingest logs itself when it runs.
            app.Logger.LogInformation("Corpus already current ({ManifestSha256}): {Summary}", result.ManifestSha256[..12], result.Summary);
        }
    }

    /// <summary>Writes the latest release's dataset when it is missing (a release published before datasets were
    /// written, or a dataset folder that was not kept); every release published from now on writes its own.</summary>
    private static async Task EnsureLatestDatasetAsync(WebApplication app, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
        var datasets = scope.ServiceProvider.GetRequiredService<DatasetStore>();
        if (await scope.ServiceProvider.GetRequiredService<ReleaseQueries>().LatestAsync(ct) is { } latest && !datasets.Has(latest.Id))
        {
            var manifest = await datasets.RebuildLatestAsync(db, ct);
            app.Logger.LogInformation("Wrote the missing dataset of release {Release}: {Files} files", manifest?.ReleaseId, manifest?.Files.Count);
        }
    }

    /// <summary>The <c>dataset</c> command: writes the latest release's dataset again (after its folder was lost, or
    /// to check that it reproduces) and lists its files.</summary>
    public static async Task<int> RunDatasetCommandAsync(WebApplication app)
    {
        try
        {
            app.Services.ValidateSettings();
            await using var scope = app.Services.CreateAsyncScope();
            var datasets = scope.ServiceProvider.GetRequiredService<DatasetStore>();
            var db = scope.ServiceProvider.GetRequiredService<KzRightsDbContext>();
            if (await datasets.RebuildLatestAsync(db, app.Lifetime.ApplicationStopping) is not { } manifest)
            {
                Console.Error.WriteLine("dataset failed: no release has been published yet; run ingest first");
                return 1;
            }

            Console.WriteLine($"dataset of release {manifest.ReleaseId} in {datasets.Root}:");
            foreach (var file in manifest.Files)
            {
                Console.WriteLine($"{file.Name,-36} {file.Bytes,12} bytes {file.Rows,10} rows  sha256 {file.Sha256}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"dataset failed: {DatabaseFaults.Describe(ex)}");
            return 1;
        }
    }

    public static async Task<int> RunIngestCommandAsync(WebApplication app, bool force)
    {
        try
        {
            app.Services.ValidateSettings();
            var options = app.Services.GetRequiredService<DatabaseOptions>();
            if (options.ReadOnly)
            {
                throw new InvalidOperationException("Database:ReadOnly is true: this process may not write the database");
            }

            var corpus = CorpusDirectory(app.Configuration, app.Environment);
            if (CorpusManifest.FindMismatches(corpus) is { Count: > 0 } mismatches)
            {
                throw new InvalidDataException($"{corpus} does not match its manifest: {string.Join("; ", mismatches)}");
            }

            await WithDatabaseAsync(app, options, async (ingestor, ct) =>
            {
                var result = await ingestor.EnsureIngestedAsync(corpus, force, new SynchronousProgress(Console.Out), ct);
                Console.WriteLine(result.Ingested
                    ? $"ingested in {result.Elapsed.TotalMilliseconds:0} ms: {result.Summary}"
                    : $"already current (manifest {result.ManifestSha256[..12]}; use --force to reload): {result.Summary}");
            });
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"ingest failed, stored data unchanged: {DatabaseFaults.Describe(ex)}");
            return 1;
        }
    }

    /// <summary>Runs <paramref name="step"/>, retrying with exponential backoff (1 s doubling to 10 s, each attempt
    /// logged) while the database is unreachable, for at most <see cref="DatabaseOptions.StartupWaitSeconds"/>.</summary>
    private static async Task WithDatabaseAsync(WebApplication app, DatabaseOptions options, Func<CorpusIngestor, CancellationToken, Task> step)
    {
        var ct = app.Lifetime.ApplicationStopping;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(options.StartupWaitSeconds);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                await step(scope.ServiceProvider.GetRequiredService<CorpusIngestor>(), ct);
                return;
            }
            catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
            {
                if (DateTimeOffset.UtcNow + delay > deadline)
                {
                    throw new InvalidOperationException(
                        $"the database stayed unreachable for {options.StartupWaitSeconds} s (Database:StartupWaitSeconds): {DatabaseFaults.Describe(ex)}", ex);
                }

                app.Logger.LogWarning("Database unreachable (attempt {Attempt}): {Reason}; retrying in {DelaySeconds} s",
                    attempt, DatabaseFaults.Describe(ex), delay.TotalSeconds);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    // Progress<T> posts to the thread pool, which would interleave lines; a command prints them in order. Each line
    // starts with the time since the command started, the managed heap (and what the garbage collector had committed at
    // its last collection), the process's resident memory now and at its peak, so an operator (and bench/scale.sh) sees
    // which step of a large ingest takes the time and the memory (the peak alone hides a step that stays under an earlier one).
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(string value)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            writer.WriteLine($"[{_clock.Elapsed.TotalSeconds,7:0.0} s, heap {GC.GetTotalMemory(false) >> 20,5} MB " +
                $"(committed {GC.GetGCMemoryInfo().TotalCommittedBytes >> 20,4} MB), " +
                $"rss {process.WorkingSet64 >> 20,5} MB, peak {process.PeakWorkingSet64 >> 20,5} MB] {value}");
        }
    }
}
