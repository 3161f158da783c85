using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KzRights.Data.Tables;

/// <summary>Runs work that reads query results row by row (a streamed CSV answer, a dataset file) so that EF Core hands
/// each row over as the database sends it instead of reading the whole result first.</summary>
/// <remarks>With a retrying execution strategy (PostgreSQL and SQL Server here, for database faults) EF Core buffers every
/// query's complete result before returning its first row, so that the query could run again if the connection broke:
/// every indicator as CSV grew the server by 181 MB at 100,000 paragraphs on PostgreSQL and not at all on SQLite. EF Core
/// decides from <see cref="ExecutionStrategy.Current"/> (its <c>RetriesOnFailure</c>) when it compiles and runs a query,
/// so inside this scope the current strategy is one that never retries. Rows already sent cannot be taken back anyway: a
/// fault in the middle fails the stream, or reaches an enclosing operation that runs everything again (the ingest).
/// EF Core has no public switch for this per query; the protected <c>Current</c> setter is the documented seam.</remarks>
public sealed class StreamingReads : ExecutionStrategy
{
    private StreamingReads(DbContext context)
        : base(context, maxRetryCount: 0, maxRetryDelay: TimeSpan.Zero)
    {
    }

    /// <summary>Runs <paramref name="work"/> with queries of <paramref name="db"/> streamed, not buffered.</summary>
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> work)
    {
        // An AsyncLocal: seen by everything work awaits, and gone for the caller when this method returns.
        Current = new StreamingReads(db);
        return await work();
    }

    /// <summary>Runs <paramref name="work"/> with queries of <paramref name="db"/> streamed, not buffered.</summary>
    public static async Task RunAsync(DbContext db, Func<Task> work)
    {
        Current = new StreamingReads(db);
        await work();
    }

    protected override bool ShouldRetryOn(Exception exception) => false;
}
