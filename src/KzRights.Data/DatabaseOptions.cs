using KzRights.Data.Providers;

namespace KzRights.Data;

/// <summary>The <c>Database</c> configuration section. The connection string is <c>ConnectionStrings:KzRights</c>;
/// for SQLite it may be left out, and a file under <see cref="DataDirectory"/> is used and created on first start.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "KzRights";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string DataDirectory { get; set; } = "data/db";

    /// <summary>Ingest the corpus on start when the database is empty or the corpus manifest changed.</summary>
    public bool IngestOnStart { get; set; } = true;
}
