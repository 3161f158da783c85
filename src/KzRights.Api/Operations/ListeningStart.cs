using Microsoft.AspNetCore.Connections;

namespace KzRights.Api.Operations;

/// <summary>Runs the web host so that a start that cannot listen (its port already taken) ends like every other start
/// that cannot succeed: one <c>Start failed</c> line and exit code 1. Left alone, Kestrel's bind failure is logged by
/// the host with its stack trace and then thrown out of <c>Main</c> as an unhandled exception (exit 134).</summary>
internal sealed class ListeningStart
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _started;

    private ListeningStart()
    {
    }

    /// <summary>Keeps the host's own error lines out of the log until the host has started: the one failure it could
    /// report then is the bind failure <see cref="RunAsync"/> logs itself (any other start failure still ends as an
    /// unhandled exception, with its stack trace). A filter rule for a category replaces the configured level of the
    /// categories above it, so the rule carries the level configured for the nearest of them (Logging:LogLevel).</summary>
    public static ListeningStart AddTo(ILoggingBuilder logging, IConfiguration configuration)
    {
        var start = new ListeningStart();
        var level = ConfiguredLevel(configuration.GetSection("Logging:LogLevel"), HostCategory);
        logging.Services.Configure<LoggerFilterOptions>(o =>
            o.Rules.Add(new LoggerFilterRule(null, HostCategory, level, (_, _, l) => l < LogLevel.Error || start._started)));
        return start;
    }

    private static LogLevel ConfiguredLevel(IConfiguration levels, string category)
    {
        for (var name = category; name.Length > 0; name = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : string.Empty)
        {
            if (Enum.TryParse<LogLevel>(levels[name], ignoreCase: true, out var level))
            {
                return level;
            }
        }

        return Enum.TryParse<LogLevel>(levels["Default"], ignoreCase: true, out var fallback) ? fallback : LogLevel.Information;
    }

    /// <summary>What <c>app.RunAsync()</c> does (start, wait for the shutdown signal, stop, dispose), the bind failure aside.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                app.Logger.LogCritical("Start failed: {Reason}", ex.Message);
                return 1;
            }

            _started = true;
            await app.WaitForShutdownAsync();
            return 0;
        }
    }
}
