using AskPro.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The one batch claim of the inbox and the outbox (both tables have Id, Status,
/// NextAttemptAt and LeaseUntil): marks up to <c>max</c> due rows Processing with a lease in one
/// statement and returns their ids. Due: Pending or Failed whose next attempt has come, or
/// Processing whose lease ran out (its node died). On PostgreSQL the inner SELECT takes row
/// locks with SKIP LOCKED, so workers on several nodes take disjoint batches without waiting
/// on each other; SQLite has one writer, so the statement alone is atomic. SQL Server takes the
/// rows with UPDLOCK and READPAST, its equivalent.</summary>
public static class LeaseClaim
{
    public static Task<List<Guid>> ClaimDueAsync<TRow>(AskProDbContext db, int max, DateTime now, DateTime leaseUntil, CancellationToken ct) where TRow : class
    {
        var table = db.Model.FindEntityType(typeof(TRow))!.GetTableName()!;
        var sql = db.Database.IsSqlServer() ? SqlServer(table) : Standard(table, skipLocked: db.Database.IsNpgsql());
        return db.Database.SqlQueryRaw<Guid>(sql,
            nameof(InboxStatus.Processing), leaseUntil, nameof(InboxStatus.Pending), nameof(InboxStatus.Failed), now, max).ToListAsync(ct);
    }

    // SQLite and PostgreSQL: UPDATE … RETURNING; PostgreSQL locks the chosen rows, skipping locked ones.
    private static string Standard(string table, bool skipLocked) => $$"""
        UPDATE "{{table}}" SET "Status" = {0}, "LeaseUntil" = {1}
        WHERE "Id" IN (SELECT "Id" FROM "{{table}}"
                       WHERE ("Status" IN ({2}, {3}) AND "NextAttemptAt" <= {4}) OR ("Status" = {0} AND "LeaseUntil" < {4})
                       ORDER BY "NextAttemptAt" LIMIT {5}{{(skipLocked ? " FOR UPDATE SKIP LOCKED" : "")}})
        RETURNING "Id" AS "Value"
        """;

    // SQL Server: UPDLOCK holds the chosen rows until the update, READPAST skips rows another
    // worker holds, OUTPUT returns what this statement claimed.
    private static string SqlServer(string table) => $$"""
        WITH due AS (
            SELECT TOP ({5}) "Id", "Status", "LeaseUntil" FROM "{{table}}" WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE ("Status" IN ({2}, {3}) AND "NextAttemptAt" <= {4}) OR ("Status" = {0} AND "LeaseUntil" < {4})
            ORDER BY "NextAttemptAt")
        UPDATE due SET "Status" = {0}, "LeaseUntil" = {1}
        OUTPUT inserted."Id" AS "Value";
        """;
}
