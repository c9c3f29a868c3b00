using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AskPro.Core.Events;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Operations.CrashRecovery;

/// <summary>Issue #17, crash recovery: the real app in its own process gets a flood of signed
/// Retell call_ended deliveries (inbox) and book_appointment calls (outbox: the booking's audit
/// entry, notices), is SIGKILLed mid-flood and restarted on the same data. What it acknowledged
/// (2xx, "booked") must all be applied within 60 s of the restart: nothing lost, nothing applied
/// twice (one call row and one CallCompleted per call, one audit entry per booking).</summary>
public sealed class CrashRecoveryTests
{
    private const string RetellKey = "askpro-demo-retell-key";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_SIGKILL_mid_flood_and_a_restart_every_acknowledged_delivery_is_applied_once_within_a_minute_on_SQLite()
    {
        var folder = TestServices.NewTempDirectory("askpro-crash");
        var connection = $"Data Source={Path.Combine(folder, "askpro.db")}";
        try
        {
            await RunAsync(DatabaseProvider.Sqlite, connection, folder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task After_SIGKILL_mid_flood_and_a_restart_every_acknowledged_delivery_is_applied_once_within_a_minute_on_PostgreSQL()
    {
        var folder = TestServices.NewTempDirectory("askpro-crash");
        try
        {
            await RunAsync(DatabaseProvider.Postgres, await TestDatabase.CreateServerDatabaseAsync(DatabaseProvider.Postgres), folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(DatabaseProvider provider, string connectionString, string folder)
    {
        using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["RateLimits:WebhooksPerIpPerMinute"] = "100000000",
            ["RateLimits:WebhooksPerTenantPerMinute"] = "100000000",
        }, folder);
        var database = TestDatabase.Open(provider, connectionString);
        // The demo's seeding leaves ~1,000 events to deliver; the minute is for the flood's.
        await Eventually.Async("the demo's events delivered", async () =>
        {
            await using var db = database.Platform();
            return await db.Outbox.CountAsync(m => m.Status != InboxStatus.Processed && m.Status != InboxStatus.Dead);
        }, left => left == 0, TimeSpan.FromSeconds(180));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        // The flood: 16 senders until the kill; only what got a 2xx (and "booked") counts as acknowledged.
        var calls = new ConcurrentBag<string>();
        var bookings = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var senders = Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sent);
                try
                {
                    if (sender % 4 == 0)
                    {
                        if (await BookAsync(http, n, stop.Token) is { } booked) bookings.Add(booked);
                    }
                    else if (await CallEndedAsync(http, $"crash_{n}", stop.Token)) calls.Add($"crash_{n}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The app is gone (the kill) or the test stops the flood: not acknowledged.
                }
            }
        })).ToList();

        // Kill once the workers are busy: rows Processing on both tables, deliveries still arriving.
        await Eventually.Async("the flood to keep the inbox worker busy", async () => calls.Count, n => n >= 400, TimeSpan.FromSeconds(90));
        await app.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        int leased;
        await using (var db = database.Platform())
        {
            // Rows the killed process held: without the take-back they would wait out their lease.
            leased = await db.Inbox.CountAsync(i => i.Status == InboxStatus.Processing) + await db.Outbox.CountAsync(m => m.Status == InboxStatus.Processing);
            Assert.True(leased > 0, "the kill came when no row was leased: nothing to recover, the test proves nothing");
        }

        var restarted = Stopwatch.StartNew();
        var ready = await app.RestartAsync();
        await Eventually.Async("every inbox and outbox row applied after the restart", async () =>
        {
            await using var db = database.Platform();
            return (await db.Inbox.CountAsync(i => i.Status != InboxStatus.Processed && i.Status != InboxStatus.Dead)
                    + await db.Outbox.CountAsync(m => m.Status != InboxStatus.Processed && m.Status != InboxStatus.Dead),
                await db.Inbox.CountAsync(i => i.Status == InboxStatus.Processing));
        }, left => left.Item1 == 0, Budget);
        var applied = restarted.Elapsed;

        await using (var db = database.Platform())
        {
            // Inbox: every acknowledged call_ended stored, processed, applied to exactly one call row.
            var acknowledged = calls.ToHashSet();
            var keys = acknowledged.Select(id => $"{id}:call_ended").ToList();
            var processed = await db.Inbox.Where(i => i.Provider == "retell" && i.EventKey.StartsWith("crash_") && i.Status == InboxStatus.Processed)
                .Select(i => i.EventKey).ToListAsync();
            Assert.Empty(keys.Except(processed));
            Assert.Equal(0, await db.Inbox.CountAsync(i => i.Status == InboxStatus.Dead && i.EventKey.StartsWith("crash_")));
            var rows = await db.Calls.IgnoreQueryFilters().Where(c => c.RetellCallId.StartsWith("crash_")).Select(c => new { c.Id, c.RetellCallId }).ToListAsync();
            Assert.Empty(rows.GroupBy(r => r.RetellCallId).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Empty(acknowledged.Except(rows.Select(r => r.RetellCallId)));

            // Outbox: one CallCompleted per call (the handler ran again after the kill for some, and
            // must not have reported the end twice), each delivered to every subscriber once.
            var callRows = rows.Select(r => r.Id).ToHashSet();
            var completed = (await db.Outbox.Where(m => m.EventType == nameof(CallCompleted)).Select(m => new { m.EventId, m.Subscriber, m.Status, m.Payload }).ToListAsync())
                .Select(m => (m.EventId, m.Subscriber, m.Status, Call: JsonSerializer.Deserialize<CallCompleted>(m.Payload, AskPro.Infrastructure.Events.EventSubscribers.Json)!.CallRowId))
                .Where(m => callRows.Contains(m.Call)).ToList();
            Assert.Empty(completed.GroupBy(m => m.Call).Where(g => g.Select(m => m.EventId).Distinct().Count() != 1).Select(g => g.Key));
            Assert.Equal(callRows.Count, completed.Select(m => m.Call).Distinct().Count());
            Assert.All(completed, m => Assert.Equal(InboxStatus.Processed, m.Status));

            // Outbox effects: each acknowledged booking exists and has exactly one audit entry.
            var booked = bookings.ToList();
            Assert.NotEmpty(booked);
            var existing = await db.Appointments.IgnoreQueryFilters().Where(a => booked.Contains(a.Id)).Select(a => a.Id).ToListAsync();
            Assert.Equal(booked.Count, existing.Count);
            List<string?> ids = [.. booked.Select(b => b.ToString())];
            var audits = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "appointment.book" && a.EntityId != null && ids.Contains(a.EntityId)).Select(a => a.EntityId!).ToListAsync();
            Assert.Equal(ids.Order(), audits.Order());
        }
        Assert.True(applied < Budget, $"applied {applied.TotalSeconds:0.0} s after the restart");
        Console.WriteLine($"{provider}: {calls.Count} call_ended and {bookings.Count} bookings acknowledged before the SIGKILL, {leased} rows leased at the kill; ready again after {ready.TotalSeconds:0.0} s, all applied {applied.TotalSeconds:0.0} s after the restart began.");
    }

    private static async Task<bool> CallEndedAsync(HttpClient http, string callId, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"event":"call_ended","call":{"call_id":"{{{callId}}}","agent_id":"agent_demo","to_number":"{{{RetellClient.SalonNumber}}}","from_number":"anonymous","call_status":"ended","start_timestamp":1764000000000,"end_timestamp":1764000035000,"duration_ms":35000,"transcript":"Agent: Hallo\nUser: Ich möchte einen Termin."}}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/retell") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(body, RetellKey, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>A booking on a random weekday 20–60 days ahead; the id when the answer was "booked".</summary>
    private static async Task<Guid?> BookAsync(HttpClient http, int n, CancellationToken ct)
    {
        var day = DateTime.Today.AddDays(20 + n % 40);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day is { Month: 12, Day: >= 24 and <= 26 }) day = day.AddDays(1);
        var minutes = 9 * 60 + 15 * Random.Shared.Next(0, 30);
        var body = RetellClient.Body("book_appointment", new Dictionary<string, string>
        {
            ["datum"] = day.ToString("dd.MM.yyyy"), ["uhrzeit"] = $"{minutes / 60}:{minutes % 60:00}", ["dienstleistung"] = "Herrenhaarschnitt",
            ["name"] = "Absturz " + string.Concat(n.ToString("D6").Select(d => (char)('a' + d - '0'))),
        }, $"crashbook_{n}", RetellClient.SalonNumber, $"+4917{n:D9}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/retell/functions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), RetellKey, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK) return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("status").GetString() == "booked" ? Guid.Parse(Find(json.RootElement, "appointment_id")!) : null;
    }

    private static string? Find(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Select(p => p.Name == name ? p.Value.GetString() : Find(p.Value, name)).FirstOrDefault(v => v is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(e => Find(e, name)).FirstOrDefault(v => v is not null),
        _ => null,
    };
}
