using System.ComponentModel.DataAnnotations;
using KzRights.Data.Providers;
using Microsoft.Extensions.Options;

namespace KzRights.Data;

/// <summary>The <c>Database</c> configuration section. The connection string is <c>ConnectionStrings:KzRights</c>;
/// for SQLite it may be left out, and a file under <see cref="DataDirectory"/> is used and created on first start.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "KzRights";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Relative to the content root as configured; absolute once the options are built.</summary>
    public string DataDirectory { get; set; } = "data/db";

    /// <summary><c>ConnectionStrings:KzRights</c> (not a key of this section: it has no public setter, so the binder
    /// leaves it alone).</summary>
    public string? ConnectionString { get; internal set; }

    /// <summary>Ingest the corpus on start when the database is empty or the corpus manifest changed.</summary>
    public bool IngestOnStart { get; set; } = true;

    /// <summary>Serve a database this process may not write: no migrations, no ingest; start fails when its schema is
    /// older than this build or it holds no corpus.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>How long a start waits for an unreachable database (with backoff) before it gives up with exit code 1.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Database:StartupWaitSeconds must not be negative")]
    public int StartupWaitSeconds { get; set; } = 60;

    /// <summary>Retries of a command that failed transiently (a restarted server, a dropped connection).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Database:MaxRetryCount must not be negative")]
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>What only the chosen provider can judge: whether it needs a connection string.</summary>
    internal sealed class ProviderRules : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            KzRightsDatabaseProvider.For(options.Provider).ConnectionProblem(options) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }
}
