using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Ingest;

/// <summary>A database-wide lock held until the ingest transaction ends, so concurrent starts of stateless API
/// instances do not ingest twice. SQLite needs none: its first write locks the whole file.</summary>
internal static class IngestLock
{
    // An arbitrary application-wide key; any value works as long as every instance uses the same one.
    private const long PostgresKey = 0x4B5A_5249_4748;

    public static async Task AcquireAsync(KzRightsDbContext db, CancellationToken ct)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Postgres:
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresKey})", ct);
                break;
            case DatabaseProvider.SqlServer:
                await db.Database.ExecuteSqlRawAsync("EXEC sp_getapplock @Resource = 'kzrights-ingest', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 600000", ct);
                break;
        }
    }
}
