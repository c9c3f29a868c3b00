using System.Net;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>A handler that fails is retried with growing, jittered pauses, dead-lettered after
/// the last attempt, and applied exactly once when replayed after its cause is fixed. The cause
/// is real: the database itself refuses new call rows (a trigger set from outside the app).</summary>
public sealed class InboxRetryTests
{
    [Fact]
    public async Task A_failing_handler_is_retried_with_backoff_then_dead_lettered_then_replayed_after_the_fix()
    {
        var clock = new FixedClock(BookingApp.Start);
        using var app = new AppHost(new() { ["Webhooks:WorkerEnabled"] = "false" }, clock);
        var callId = "call_retry_" + Guid.NewGuid().ToString("N");
        var retell = new FakeRetell(app.ApiClient(null), () => clock.Now);
        Execute(app, "CREATE TRIGGER refuse_calls BEFORE INSERT ON Calls BEGIN SELECT RAISE(ABORT, 'calls are refused (test fault)'); END;");

        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded(callId, seconds: 42))).StatusCode);
        var worker = app.Services.GetRequiredService<InboxWorker>();

        for (var attempt = 1; attempt <= InboxItem.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await worker.ProcessDueAsync(10, default));
            var item = await ItemAsync(app, callId);
            Assert.Equal(attempt, item.Attempts);
            Assert.Contains("calls are refused", item.LastError);
            if (attempt == InboxItem.MaxAttempts)
            {
                Assert.Equal(InboxStatus.Dead, item.Status);
                break;
            }
            Assert.Equal(InboxStatus.Failed, item.Status);
            // 2^attempt seconds ± 20 % jitter; nothing happens before it is due.
            var pause = (item.NextAttemptAt - clock.Now.UtcDateTime).TotalSeconds;
            Assert.InRange(pause, 0.8 * Math.Pow(2, attempt), 1.2 * Math.Pow(2, attempt));
            Assert.Equal(0, await worker.ProcessDueAsync(10, default));
            clock.Now = new DateTimeOffset(item.NextAttemptAt, TimeSpan.Zero).AddMilliseconds(1);
        }

        // Dead letters are not retried on their own.
        clock.Now = clock.Now.AddHours(1);
        Assert.Equal(0, await worker.ProcessDueAsync(10, default));
        Assert.Equal(0, await CountCallsAsync(app, callId));

        // The cause is fixed, then an admin replays the item (the inbox page's button).
        Execute(app, "DROP TRIGGER refuse_calls;");
        var dead = await ItemAsync(app, callId);
        Assert.True(await ReplayAsync(app, dead.Id));
        Assert.Equal(1, await worker.ProcessDueAsync(10, default));

        var processed = await ItemAsync(app, callId);
        Assert.Equal(InboxStatus.Processed, processed.Status);
        Assert.Null(processed.LastError);
        Assert.Equal(1, await CountCallsAsync(app, callId));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "inbox.replay" && a.EntityId == dead.Id.ToString())));

        // Only dead letters can be replayed; a processed item is never applied again.
        Assert.False(await ReplayAsync(app, dead.Id));
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded(callId, seconds: 42))).StatusCode);
        Assert.Equal(0, await worker.ProcessDueAsync(10, default));
        Assert.Equal(1, await CountCallsAsync(app, callId));
    }

    [Fact]
    public async Task A_company_admin_cannot_replay_another_companys_dead_letter()
    {
        var clock = new FixedClock(BookingApp.Start);
        using var app = new AppHost(new() { ["Webhooks:WorkerEnabled"] = "false" }, clock);
        var callId = "call_foreign_" + Guid.NewGuid().ToString("N");
        Execute(app, "CREATE TRIGGER refuse_calls BEFORE INSERT ON Calls BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        await new FakeRetell(app.ApiClient(null), () => clock.Now).SendAsync(FakeRetell.CallEnded(callId, to: RetellClient.PraxisNumber));
        var worker = app.Services.GetRequiredService<InboxWorker>();
        for (var attempt = 1; attempt <= InboxItem.MaxAttempts; attempt++)
        {
            await worker.ProcessDueAsync(10, default);
            clock.Now = clock.Now.AddMinutes(15);
        }
        var dead = await ItemAsync(app, callId);
        Assert.Equal(InboxStatus.Dead, dead.Status);
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.Id != dead.CompanyId).Select(c => c.Id).FirstAsync());

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<InboxReplay>().ReplayAsync(dead.Id, TenantId.From(salon), "salon-admin", default));
        Assert.Equal(InboxStatus.Dead, (await ItemAsync(app, callId)).Status);
    }

    private static async Task<bool> ReplayAsync(AppHost app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxReplay>().ReplayAsync(id, null, "platform-admin", default);
    }

    private static Task<InboxItem> ItemAsync(AppHost app, string callId) =>
        app.ReadAsync(db => db.Inbox.AsNoTracking().SingleAsync(i => i.EventKey == callId + ":call_ended"));

    private static Task<int> CountCallsAsync(AppHost app, string callId) =>
        app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == callId));

    /// <summary>Changes the database from outside the app, as an operator would.</summary>
    private static void Execute(AppHost app, string sql)
    {
        _ = app.BaseAddress; // started and migrated
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
