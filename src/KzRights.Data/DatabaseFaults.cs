using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;

namespace KzRights.Data;

/// <summary>Tells "the database cannot be reached right now" apart from every other failure, for every provider: the
/// API answers the first with 503 and Retry-After, startup waits for it, and anything else stays a real error.</summary>
public static class DatabaseFaults
{
    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions means the server is down,
    /// restarting, refusing connections, out of resources or not answering in time.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException or SocketException or TimeoutException:
                    return true;
                // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator
                // intervention: shutdown, restart, cannot connect now); IsTransient covers broken sockets, SQLite
                // "busy" and SQL Server's transient error numbers.
                case DbException db when db.IsTransient
                    || db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
                        || state.StartsWith("57P", StringComparison.Ordinal)):
                    return true;
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteCantOpen }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>One line naming the cause, without stack trace or internal type names, for logs and start failures.</summary>
    public static string Describe(Exception exception)
    {
        var innermost = exception;
        // EF wraps the provider's error ("likely due to a transient failure", "error occurred while saving") without
        // adding to it; our own wrappers (InvalidOperationException around something else) keep their message.
        while (innermost.InnerException is { } inner && (innermost is RetryLimitExceededException or Microsoft.EntityFrameworkCore.DbUpdateException
            || innermost is InvalidOperationException && inner is DbException or SocketException))
        {
            innermost = innermost.InnerException;
        }

        var message = innermost.Message.ReplaceLineEndings(" ");
        if (innermost is DbException { SqlState: { } state } && !message.Contains(state, StringComparison.Ordinal))
        {
            message = $"{message} (SQLSTATE {state})";
        }

        return IsReadOnly(innermost) ? $"{message}; the database is read-only: set Database:ReadOnly=true to serve it without writing" : message;
    }

    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;

    // 25006: read_only_sql_transaction (PostgreSQL); SQLite's SQLITE_READONLY.
    private static bool IsReadOnly(Exception exception) =>
        exception is DbException { SqlState: "25006" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteReadOnly };
}
