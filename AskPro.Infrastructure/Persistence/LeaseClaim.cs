using AskPro.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The leases of the inbox, the outbox and the customer messages (all three tables have
/// Id, Status, NextAttemptAt, LeaseUntil and LeaseOwner). A claim marks up to <c>max</c> due rows
/// Processing with a short lease and this node's <see cref="NodeIdentity.Owner"/> in one
/// statement and returns their ids. Due: Pending or Failed whose next attempt has come, or
/// Processing whose lease ran out (its node died). On PostgreSQL the inner SELECT takes row
/// locks with SKIP LOCKED, so workers on several nodes take disjoint batches without waiting
/// on each other; SQLite has one writer, so the statement alone is atomic. SQL Server takes the
/// rows with UPDLOCK and READPAST, its equivalent. <see cref="LeaseHeartbeat"/> renews the
/// leases while the work runs and takes back the ones a dead incarnation of this node left.</summary>
public sealed class LeaseClaim(LeaseOptions options, NodeIdentity node, TimeProvider clock)
{
    /// <summary>The tables with leases, by entity type (the heartbeat renews them all).</summary>
    public static readonly Type[] LeasedRows = [typeof(InboxItem), typeof(Events.OutboxMessage), typeof(Core.Notifications.CustomerMessage)];

    public NodeIdentity Node => node;

    public Task<List<Guid>> ClaimDueAsync<TRow>(AskProDbContext db, int max, CancellationToken ct) where TRow : class
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sql = db.Database.IsSqlServer() ? SqlServer(Table(db, typeof(TRow))) : Standard(Table(db, typeof(TRow)), skipLocked: db.Database.IsNpgsql());
        return db.Database.SqlQueryRaw<Guid>(sql,
            nameof(InboxStatus.Processing), now.AddSeconds(options.Seconds), nameof(InboxStatus.Pending), nameof(InboxStatus.Failed), now, max, node.Owner).ToListAsync(ct);
    }

    /// <summary>Moves every lease this process holds in <paramref name="row"/>'s table forward by
    /// a full lease; returns how many. One indexed statement (Status leads the due index).</summary>
    public Task<int> RenewAsync(AskProDbContext db, Type row, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Renew(Table(db, row)),
            [clock.GetUtcNow().UtcDateTime.AddSeconds(options.Seconds), nameof(InboxStatus.Processing), node.Owner], ct);

    /// <summary>Returns to Pending what an earlier incarnation of this node still holds: that
    /// process is gone (this one is its restart), so nobody works on those rows any more.</summary>
    public Task<int> TakeBackFromDeadIncarnationsAsync(AskProDbContext db, Type row, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(TakeBack(Table(db, row)),
            [nameof(InboxStatus.Pending), nameof(InboxStatus.Processing), EscapeLike(node.OwnerPrefix) + "%", node.Owner], ct);

    /// <summary>Returns to Pending whatever lease has run out (its node died and did not come
    /// back); the claim takes such rows too, this keeps the inbox page's counts true.</summary>
    public Task<int> ReturnExpiredAsync(AskProDbContext db, Type row, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(ReturnExpired(Table(db, row)),
            [nameof(InboxStatus.Pending), nameof(InboxStatus.Processing), clock.GetUtcNow().UtcDateTime], ct);

    private static string Table(AskProDbContext db, Type row) => db.Model.FindEntityType(row)!.GetTableName()!;

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    // Table names come from the EF model, values are parameters.
    private static string Renew(string table) => $$"""UPDATE "{{table}}" SET "LeaseUntil" = {0} WHERE "Status" = {1} AND "LeaseOwner" = {2}""";

    private static string TakeBack(string table) => $$"""
        UPDATE "{{table}}" SET "Status" = {0}, "LeaseUntil" = NULL, "LeaseOwner" = NULL
        WHERE "Status" = {1} AND "LeaseOwner" LIKE {2} ESCAPE '\' AND "LeaseOwner" <> {3}
        """;

    private static string ReturnExpired(string table) => $$"""
        UPDATE "{{table}}" SET "Status" = {0}, "LeaseUntil" = NULL, "LeaseOwner" = NULL
        WHERE "Status" = {1} AND "LeaseUntil" < {2}
        """;

    // SQLite and PostgreSQL: UPDATE … RETURNING; PostgreSQL locks the chosen rows, skipping locked ones.
    private static string Standard(string table, bool skipLocked) => $$"""
        UPDATE "{{table}}" SET "Status" = {0}, "LeaseUntil" = {1}, "LeaseOwner" = {6}
        WHERE "Id" IN (SELECT "Id" FROM "{{table}}"
                       WHERE ("Status" IN ({2}, {3}) AND "NextAttemptAt" <= {4}) OR ("Status" = {0} AND "LeaseUntil" < {4})
                       ORDER BY "NextAttemptAt" LIMIT {5}{{(skipLocked ? " FOR UPDATE SKIP LOCKED" : "")}})
        RETURNING "Id" AS "Value"
        """;

    // SQL Server: UPDLOCK holds the chosen rows until the update, READPAST skips rows another
    // worker holds, OUTPUT returns what this statement claimed.
    private static string SqlServer(string table) => $$"""
        WITH due AS (
            SELECT TOP ({5}) "Id", "Status", "LeaseUntil", "LeaseOwner" FROM "{{table}}" WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE ("Status" IN ({2}, {3}) AND "NextAttemptAt" <= {4}) OR ("Status" = {0} AND "LeaseUntil" < {4})
            ORDER BY "NextAttemptAt")
        UPDATE due SET "Status" = {0}, "LeaseUntil" = {1}, "LeaseOwner" = {6}
        OUTPUT inserted."Id" AS "Value";
        """;
}
