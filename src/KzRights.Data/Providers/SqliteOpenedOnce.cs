using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KzRights.Data.Providers;

/// <summary>The connection of each pooled SQLite context is opened once and stays open until the context is disposed.
/// Microsoft.Data.Sqlite registers a connection's SQL functions on the native handle again at every open, and EF Core
/// gives each connection seven (regexp and the decimal helpers): seven finalizable handles per open, which together with
/// their finalization were about a quarter of the server's CPU on an uncached page of 50 paragraphs (one open per
/// request). A connection that never closes registers them once.</summary>
internal sealed class OpenedOnce : SqliteConnection
{
    /// <summary>Gives EF Core this connection type instead of the one it would create.</summary>
    public static readonly DbConnectionInterceptor Interceptor = new Creator();

    private OpenedOnce(string connectionString)
        : base(connectionString) => RegisterEfCoreFunctions(this);

    public override void Open()
    {
        if (State != ConnectionState.Open)
        {
            base.Open();
        }
    }

    /// <summary>EF Core closes after each query and when a pooled context is returned; the connection stays open (EF
    /// Core ends transactions and disposes readers before it closes, so nothing is left pending).</summary>
    public override void Close()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            base.Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>The functions EF Core's SQLite provider registers on the connections it creates (it skips that for a
    /// connection an interceptor supplies): its translations of Regex.IsMatch and of decimal arithmetic and comparison
    /// call them.</summary>
    private static void RegisterEfCoreFunctions(SqliteConnection connection)
    {
        connection.CreateFunction(
            "regexp",
            (string? pattern, string? input) => input is null || pattern is null ? null : (bool?)Regex.IsMatch(input, pattern),
            isDeterministic: true);
        connection.CreateFunction("ef_mod", (decimal? dividend, decimal? divisor) => dividend % divisor, isDeterministic: true);
        connection.CreateFunction("ef_add", (decimal? left, decimal? right) => left + right, isDeterministic: true);
        connection.CreateFunction("ef_divide", (decimal? dividend, decimal? divisor) => dividend / divisor, isDeterministic: true);
        connection.CreateFunction(
            "ef_compare",
            (decimal? left, decimal? right) => left.HasValue && right.HasValue ? decimal.Compare(left.Value, right.Value) : default(int?),
            isDeterministic: true);
        connection.CreateFunction("ef_multiply", (decimal? left, decimal? right) => left * right, isDeterministic: true);
        connection.CreateFunction("ef_negate", (decimal? m) => -m, isDeterministic: true);
    }

    private sealed class Creator : DbConnectionInterceptor
    {
        public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
            InterceptionResult<DbConnection>.SuppressWithResult(new OpenedOnce(eventData.ConnectionString!));
    }
}
