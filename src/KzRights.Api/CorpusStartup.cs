using KzRights.Data;
using KzRights.Data.Ingest;
using KzRights.Parsing.Corpus;

namespace KzRights.Api;

/// <summary>Loads the corpus into the database: on start when needed, or on demand with the <c>ingest</c> command.</summary>
public static class CorpusStartup
{
    public static string CorpusDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Corpus:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : CorpusParser.LocateCorpusDirectory(environment.ContentRootPath);

    public static async Task IngestOnStartAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<CorpusIngestor>();
        if (!options.IngestOnStart)
        {
            await ingestor.MigrateAsync();
            return;
        }

        var result = await ingestor.EnsureIngestedAsync(CorpusDirectory(app.Configuration, app.Environment));
        app.Logger.LogInformation("Corpus {State} ({ManifestSha256}): {Summary}", result.Ingested ? "ingested" : "already current", result.ManifestSha256[..12], result.Summary);
    }

    public static async Task<int> RunIngestCommandAsync(WebApplication app, bool force)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<CorpusIngestor>();
        try
        {
            var result = await ingestor.EnsureIngestedAsync(CorpusDirectory(app.Configuration, app.Environment), force, new SynchronousProgress(Console.Out));
            Console.WriteLine(result.Ingested
                ? $"ingested in {result.Elapsed.TotalMilliseconds:0} ms: {result.Summary}"
                : $"already current (manifest {result.ManifestSha256[..12]}; use --force to reload): {result.Summary}");
            return 0;
        }
        catch (KzRights.Parsing.ParseException ex)
        {
            Console.Error.WriteLine($"ingest failed, stored data unchanged: {ex.Message}");
            return 1;
        }
    }

    // Progress<T> posts to the thread pool, which would interleave lines; a command prints them in order.
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
