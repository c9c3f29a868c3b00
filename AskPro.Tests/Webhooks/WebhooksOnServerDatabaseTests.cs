using System.Net;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>The production databases: the whole app on PostgreSQL (SQL Server when
/// ASKPRO_SQLSERVER is set) receiving Retell events — parallel duplicates, out-of-order events,
/// an unknown number — through the inbox writer's insert-or-skip and the locking batch claim.</summary>
public sealed class WebhooksOnServerDatabaseTests
{
    [PostgresFact]
    public Task Duplicates_and_out_of_order_events_give_one_complete_call_on_PostgreSQL() => CheckAsync(DatabaseProvider.Postgres);

    [SqlServerFact]
    public Task Duplicates_and_out_of_order_events_give_one_complete_call_on_SQL_Server() => CheckAsync(DatabaseProvider.SqlServer);

    private static async Task CheckAsync(DatabaseProvider provider)
    {
        var clock = new FixedClock(BookingApp.Start);
        using var app = new AppHost(new()
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = await TestDatabase.CreateServerDatabaseAsync(provider),
            ["Webhooks:WorkerEnabled"] = "false",
        }, clock);
        var retell = new FakeRetell(app.ApiClient(null), () => clock.Now);
        var callId = "call_pg_" + Guid.NewGuid().ToString("N");
        var ended = FakeRetell.CallEnded(callId, from: "+4915112340000", seconds: 35, transcript: "Agent: Hallo\nUser: Termin bitte");
        var analyzed = ended.Replace("\"call_ended\"", "\"call_analyzed\"").Replace("\"disconnection_reason\"", "\"call_analysis\":{\"call_summary\":\"Termin gebucht.\",\"user_sentiment\":\"Positive\",\"call_successful\":true},\"disconnection_reason\"");
        // call_started as Retell sends it: the call is ongoing, nothing about its end yet.
        var startedNode = System.Text.Json.Nodes.JsonNode.Parse(ended)!;
        startedNode["event"] = "call_started";
        var startedCall = startedNode["call"]!.AsObject();
        startedCall["call_status"] = "ongoing";
        foreach (var endOnly in new[] { "end_timestamp", "duration_ms", "disconnection_reason", "transcript" }) startedCall.Remove(endOnly);
        var started = startedNode.ToJsonString();

        // call_analyzed first, then 50 parallel copies of call_ended, then call_started late.
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(analyzed)).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => retell.SendAsync(ended)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(started)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded("call_pg_nobody", to: "+493099999999"))).StatusCode);

        var worker = app.Services.GetRequiredService<InboxWorker>();
        var handled = 0;
        int pass;
        while ((pass = await worker.ProcessDueAsync(10, default)) > 0) handled += pass;
        Assert.Equal(4, handled);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: inspect");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        Assert.Equal(3, await db.Inbox.CountAsync(i => i.EventKey.StartsWith(callId) && i.Status == InboxStatus.Processed));
        var dead = await db.Inbox.SingleAsync(i => i.EventKey == "call_pg_nobody:call_ended");
        Assert.Equal(InboxStatus.Dead, dead.Status);
        Assert.Contains("No company has this number", dead.LastError);

        var call = await db.Calls.SingleAsync(c => c.RetellCallId == callId);
        Assert.Equal(CallStatus.Ended, call.Status);
        Assert.Equal(35, call.DurationSeconds);
        Assert.Equal("Termin gebucht.", call.Summary);
        Assert.True(call.Successful);
        Assert.Equal("Agent: Hallo\nUser: Termin bitte", call.Transcript);
    }
}
