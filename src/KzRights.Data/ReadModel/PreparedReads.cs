using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using KzRights.Data.Entities;
using KzRights.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KzRights.Data.ReadModel;

/// <summary>The statements nearly every uncached answer runs: the latest release's id (the first statement of each answer's
/// snapshot), a stored record by id, and a page of a whole list's stored records. They run as ADO.NET commands kept with
/// their connection and reused, not as EF Core queries; every other query stays LINQ.</summary>
/// <remarks>Hand-written because neither library does this. EF Core creates a new command for every execution, even of a
/// compiled query, and Microsoft.Data.Sqlite keeps prepared statements per command, so it parsed and planned the same SQL
/// again for every answer (dotnet/efcore#14044, open). Measured with perf on the uncached list with a page of one paragraph
/// (2026-12-03, 5,228 answers a second), SQLite's parser and planner were about a fifth of the server's CPU and the compiled
/// queries' per-execution delegates (<c>DynamicMethod.CreateDelegate</c>) 4.5 %. A pooled SQLite context keeps its
/// connection open (<see cref="OpenedOnce"/>), so a command kept with the connection is prepared once for the context's
/// life. PostgreSQL and SQL Server run the same statements through their own clients, which handle preparation themselves.
/// The SQL is built from the EF Core model (table and column names, the provider's quoting), so it follows the model, and
/// each command runs through EF Core's command diagnostics, so interceptors, SQL logging and tracing see it like any query.</remarks>
internal static class PreparedReads
{
    /// <summary>The commands of each connection by SQL text. A connection serves one context, and a context one request at a
    /// time; each method below reads its result whole and disposes the reader before it returns, so a command is never in
    /// use twice at once. The entries go with the connection.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, (DbCommand Command, int DefaultTimeout)>> Commands = new();

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string Statement), string> SqlTexts = new();

    // Parameter names, in the order their values are passed.
    private static readonly string[] StoredRecordParameters = ["type", "id"];
    private static readonly string[] FirstPageParameters = ["type", "take"];
    private static readonly string[] PageAfterParameters = ["type", "after", "take"];

    /// <summary>The id of the latest release, or null before the first.</summary>
    public static Task<string?> LatestReleaseIdAsync(KzRightsDbContext db, CancellationToken ct)
    {
        var sql = SqlFor(db, "latest release", static (names, provider) =>
            $"SELECT {names.Column<ReleaseEntity>(nameof(ReleaseEntity.Id))} FROM {names.Table<ReleaseEntity>()} "
            + $"ORDER BY {names.Column<ReleaseEntity>(nameof(ReleaseEntity.Sequence))} DESC {provider.FirstRowsClause("1")}");
        return RunAsync(db, sql, [], [], static async (reader, ct) => await reader.ReadAsync(ct) ? reader.GetString(0) : null, ct);
    }

    /// <summary>The stored JSON of one record, or null when the read model has no such record.</summary>
    public static Task<byte[]?> StoredJsonAsync(KzRightsDbContext db, string type, string id, CancellationToken ct)
    {
        var sql = SqlFor(db, "stored record", static (names, _) =>
            $"SELECT {names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.Json))} FROM {names.Table<ServedRecordEntity>()} "
            + $"WHERE {names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.Type))} = {names.Parameter("type")} "
            + $"AND {names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.RecordId))} = {names.Parameter("id")}");
        return RunAsync(
            db, sql, StoredRecordParameters, [type, id], static async (reader, ct) => await reader.ReadAsync(ct) ? reader.GetFieldValue<byte[]>(0) : null, ct);
    }

    /// <summary>Up to <paramref name="take"/> stored records of <paramref name="type"/> after the sort key <paramref name="after"/>
    /// (from the start when null), in sort-key order, with their sort keys: the database walks the read model's (type, sort
    /// key) index and reads one stored record per entry.</summary>
    /// <remarks>The read model holds a record for every row of a listed type, with the row's sort key: both are written in the
    /// release's transaction (<see cref="Releases.ReleasePublisher"/>), and the migration that added the column copied the keys
    /// of the records already stored. Before that, the statement walked the row table's sort-key index and looked up each row's
    /// record, three index descents a row: 48 µs against 35 µs for a page of 50 paragraphs (SQLite, 2026-12-04).</remarks>
    public static Task<List<(string SortKey, byte[] Json)>> WholeTablePageAsync(
        KzRightsDbContext db, string type, string? after, int take, CancellationToken ct)
    {
        return after is null
            ? RunAsync(db, SqlFor(db, "whole-table page", static (names, provider) => PageSql(names, provider, after: false)),
                FirstPageParameters, [type, take], (reader, ct) => ReadPageAsync(reader, take, ct), ct)
            : RunAsync(db, SqlFor(db, "whole-table page after", static (names, provider) => PageSql(names, provider, after: true)),
                PageAfterParameters, [type, after, take], (reader, ct) => ReadPageAsync(reader, take, ct), ct);
    }

    private static string PageSql(ModelSqlNames names, KzRightsDatabaseProvider provider, bool after)
    {
        var (type, sortKey, json) = (names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.Type)),
            names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.SortKey)), names.Column<ServedRecordEntity>(nameof(ServedRecordEntity.Json)));
        return $"SELECT {sortKey}, {json} FROM {names.Table<ServedRecordEntity>()} WHERE {type} = {names.Parameter("type")} "
            + (after ? $"AND {sortKey} > {names.Parameter("after")} " : string.Empty)
            + $"ORDER BY {sortKey} {provider.FirstRowsClause(names.Parameter("take"))}";
    }

    private static async Task<List<(string SortKey, byte[] Json)>> ReadPageAsync(DbDataReader reader, int take, CancellationToken ct)
    {
        var rows = new List<(string, byte[])>(take);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
    }

    private static async Task<T> RunAsync<T>(
        KzRightsDbContext db, string sql, string[] names, object[] values, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        // As EF Core does for its own queries: two operations at once on one context fail loudly instead of sharing a command.
        using var critical = db.GetService<IConcurrencyDetector>().EnterCriticalSection();
        var connection = db.Database.GetDbConnection();
        // Inside a request's snapshot the connection is open already (and a pooled SQLite context's always is).
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            var (command, defaultTimeout) = CommandFor(connection, sql, names, db);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // The context's timeout now: a pooled context's last user (the ingest's 600 s) may have set another.
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? defaultTimeout;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            await using var reader = await ExecuteReaderAsync(db, command, ct);
            return await read(reader, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Runs <paramref name="command"/> through EF Core's command diagnostics, as EF Core runs its own: interceptors,
    /// command logging (SQL at Information when asked) and the diagnostic events tracing listens to see these statements too.</summary>
    private static async Task<DbDataReader> ExecuteReaderAsync(KzRightsDbContext db, DbCommand command, CancellationToken ct)
    {
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        var connection = db.GetService<IRelationalConnection>();
        var (commandId, startTime, started) = (Guid.NewGuid(), DateTimeOffset.UtcNow, Stopwatch.GetTimestamp());
        try
        {
            var interception = await logger.CommandReaderExecutingAsync(
                connection, command, command.CommandText, db, commandId, connection.ConnectionId, startTime, CommandSource.FromSqlQuery, ct);
            var reader = interception.HasResult ? interception.Result : await command.ExecuteReaderAsync(ct);
            return await logger.CommandReaderExecutedAsync(connection, command, command.CommandText, db, commandId, connection.ConnectionId, reader,
                startTime, Stopwatch.GetElapsedTime(started), CommandSource.FromSqlQuery, ct);
        }
        catch (Exception exception)
        {
            await logger.CommandErrorAsync(connection, command, command.CommandText, db, DbCommandMethod.ExecuteReader, commandId, connection.ConnectionId,
                exception, startTime, Stopwatch.GetElapsedTime(started), CommandSource.FromSqlQuery, ct);
            throw;
        }
    }

    /// <summary>How many commands <paramref name="connection"/> keeps (tests).</summary>
    internal static int KeptCommands(DbConnection connection) => Commands.TryGetValue(connection, out var commands) ? commands.Count : 0;

    private static (DbCommand Command, int DefaultTimeout) CommandFor(DbConnection connection, string sql, string[] names, KzRightsDbContext db)
    {
        var commands = Commands.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var kept))
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            var sqlNames = new ModelSqlNames(db);
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = sqlNames.ParameterName(name);
                command.Parameters.Add(parameter);
            }

            // A new command starts with the connection's default timeout (its connection string's, or the client's).
            kept = (command, command.CommandTimeout);
            commands.Add(sql, kept);
        }

        return kept;
    }

    /// <summary>The SQL of <paramref name="statement"/> for <paramref name="db"/>'s provider, built once from the model.</summary>
    private static string SqlFor(KzRightsDbContext db, string statement, Func<ModelSqlNames, KzRightsDatabaseProvider, string> build) =>
        SqlTexts.GetOrAdd(
            (db.Provider, statement),
            static (_, state) => state.build(new ModelSqlNames(state.db), KzRightsDatabaseProvider.For(state.db.Provider)),
            (db, build));
}
