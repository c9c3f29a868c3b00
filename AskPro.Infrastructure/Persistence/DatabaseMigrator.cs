using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Brings the schema up to date with the provider's migration set.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(AskProDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer commits; the portal reads while calls book.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    public static bool IsUniqueViolation(Exception ex) => DatabaseError(ex) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // 2601: duplicate key in a unique index; 2627: in a unique constraint / primary key.
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>The database broke a lock cycle by aborting this writer's transaction (nothing
    /// of it was written): two writers took the same unique keys in different orders. Retrying
    /// the whole unit of work is the remedy; the retry then meets the winner's rows.</summary>
    public static bool IsDeadlock(Exception ex) => DatabaseError(ex) switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected,
        // 1205: chosen as the deadlock victim.
        Microsoft.Data.SqlClient.SqlException sql => sql.Number == 1205,
        _ => false,
    };

    /// <summary>The provider's own error under EF's wrappers: a DbUpdateException, and around it
    /// the execution strategy's InvalidOperationException when the provider calls the error
    /// transient (a deadlock is; the non-retrying Npgsql strategy still wraps it).</summary>
    private static Exception? DatabaseError(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException) return e;
        return null;
    }
}
