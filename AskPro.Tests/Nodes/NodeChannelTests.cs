using System.Collections.Concurrent;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Events.Subscribers;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Nodes;

/// <summary>A change on node A reaches node B's in-memory state within a second (Redis pub/sub):
/// B's directory snapshot, its called-number index and its open calendars; B never offers a
/// slot just booked on A; and after a Redis restart B hears A again and has dropped what it
/// might have missed.</summary>
public sealed class NodeChannelTests
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    private static Task<Guid> CompanyAsync(BookingApp node, string tenantKey) =>
        node.ReadAsync(db => db.Companies.Where(c => c.TenantKey == tenantKey).Select(c => c.Id).SingleAsync());

    private static async Task<string> ServicesHeardOnAsync(BookingApp node, string toNumber = RetellClient.SalonNumber) =>
        (await node.Retell.CallAsync("list_services", new { }, "call_" + Guid.NewGuid().ToString("N"), toNumber)).GetProperty("message").GetString()!;

    [RedisPostgresFact]
    public async Task A_slot_booked_on_A_is_not_offered_on_B()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var ask = new { datum = "14.12.", uhrzeit = "11 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" };
        // B has read the day (directory and availability cached) before A books it.
        Assert.Equal("available", (await nodes.B.Retell.CallAsync("check_availability", ask with { uhrzeit = "15 Uhr" }, "call_b_look")).GetProperty("status").GetString());

        var booked = await nodes.A.Retell.CallAsync("book_appointment", new { ask.datum, ask.uhrzeit, ask.dienstleistung, ask.mitarbeiter, name = "Greta Knoten" }, "call_a_book");
        Assert.Equal("booked", booked.GetProperty("status").GetString());

        var onB = await nodes.B.Retell.CallAsync("check_availability", ask, "call_b_after");
        Assert.NotEqual("available", onB.GetProperty("status").GetString());
        var onBBooking = await nodes.B.Retell.CallAsync("book_appointment", new { ask.datum, ask.uhrzeit, ask.dienstleistung, ask.mitarbeiter, name = "Hans Zweiter" }, "call_b_book", fromNumber: "+4916011110002");
        Assert.Equal("slot_taken", onBBooking.GetProperty("status").GetString());
    }

    [RedisPostgresFact]
    public async Task A_directory_change_on_A_reaches_Bs_snapshot_within_a_second()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var salon = await CompanyAsync(nodes.A, DemoData.Salon.TenantKey);
        Assert.Contains("Herrenhaarschnitt", await ServicesHeardOnAsync(nodes.B)); // B's snapshot is built

        await TwoNodes.ChangeAsync(nodes.A, salon, async db => (await db.Services.SingleAsync(s => s.Name == "Herrenhaarschnitt")).Name = "Herrenschnitt Klassik");

        await Eventually.Async("B's phone agent names the renamed service", () => ServicesHeardOnAsync(nodes.B),
            heard => heard.Contains("Herrenschnitt Klassik") && !heard.Contains("Herrenhaarschnitt"), WithinASecond);
    }

    [RedisPostgresFact]
    public async Task A_number_moved_on_A_is_followed_by_B_within_a_second()
    {
        await using var nodes = await TwoNodes.StartAsync();
        Assert.Contains("Herrenhaarschnitt", await ServicesHeardOnAsync(nodes.B)); // B's index knows the number
        var praxisBranch = await nodes.A.ReadAsync(db => db.Branches.Where(b => db.Companies.Any(c => c.Id == b.CompanyId && c.TenantKey == DemoData.Praxis.TenantKey)).Select(b => new { b.Id, b.CompanyId }).FirstAsync());
        var praxisService = await nodes.A.ReadAsync(db => db.Services.Where(s => s.CompanyId == praxisBranch.CompanyId && s.Active).OrderBy(s => s.Name).Select(s => s.Name).FirstAsync());

        await using (var scope = nodes.A.Host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: a platform admin moves a number");
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AskProDbContext>();
            var number = await db.PhoneNumbers.SingleAsync(p => p.Number == Core.Shared.E164Number.Parse(RetellClient.SalonNumber));
            (number.CompanyId, number.BranchId) = (praxisBranch.CompanyId, praxisBranch.Id);
            await db.SaveChangesAsync();
        }

        await Eventually.Async("B answers the moved number as the practice", () => ServicesHeardOnAsync(nodes.B),
            heard => heard.Contains(praxisService) && !heard.Contains("Herrenhaarschnitt"), WithinASecond);
    }

    [RedisPostgresFact]
    public async Task A_phone_booking_on_A_reaches_the_calendars_open_on_B()
    {
        // B delivers no outbox events itself: what its calendars hear came from A.
        await using var nodes = await TwoNodes.StartAsync(new() { ["Outbox:DispatcherEnabled"] = "false" });
        var salon = await CompanyAsync(nodes.A, DemoData.Salon.TenantKey);
        var toldOnB = new ConcurrentQueue<(TenantId Company, Guid Staff)>();
        nodes.B.Host.Services.GetRequiredService<CalendarChanges>().Changed += (company, staff) => toldOnB.Enqueue((company, staff));
        var booked = await nodes.A.Retell.CallAsync("book_appointment",
            new { datum = "15.12.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Lea Live" }, "call_a_live");
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        var id = Guid.Parse(booked.GetProperty("data").GetProperty("appointment_id").GetString()!);
        var staff = await nodes.A.ReadAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StaffId).SingleAsync());

        await Eventually.Async("B's calendar feed is told", () => Task.FromResult(toldOnB.ToArray()),
            told => told.Contains((TenantId.From(salon), staff)), TimeSpan.FromSeconds(10));
    }

    [RedisPostgresFact]
    public async Task After_a_Redis_restart_B_has_dropped_what_it_may_have_missed_and_hears_A_again()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var salon = await CompanyAsync(nodes.A, DemoData.Salon.TenantKey);
        var channelOfB = nodes.B.Host.Services.GetRequiredService<Infrastructure.Caching.INodeChannel>();
        Assert.Contains("Herrenhaarschnitt", await ServicesHeardOnAsync(nodes.B));

        await nodes.StopRedisAsync();
        await Eventually.Async("B knows it may miss news", () => Task.FromResult(channelOfB.Listening), listening => !listening, TimeSpan.FromSeconds(10));
        // Changed on A while nobody can tell B: B reads the database meanwhile, so it is right anyway.
        await TwoNodes.ChangeAsync(nodes.A, salon, async db => (await db.Services.SingleAsync(s => s.Name == "Herrenhaarschnitt")).Name = "Herrenschnitt Ohne Redis");
        Assert.Contains("Herrenschnitt Ohne Redis", await ServicesHeardOnAsync(nodes.B));

        nodes.StartRedis();
        await nodes.WaitUntilListeningAsync();
        Assert.Contains("Herrenschnitt Ohne Redis", await ServicesHeardOnAsync(nodes.B)); // cached again
        await TwoNodes.ChangeAsync(nodes.A, salon, async db => (await db.Services.SingleAsync(s => s.Name == "Herrenschnitt Ohne Redis")).Name = "Herrenschnitt Wieder Da");
        await Eventually.Async("B hears A's news through the new Redis", () => ServicesHeardOnAsync(nodes.B),
            heard => heard.Contains("Herrenschnitt Wieder Da"), WithinASecond);
    }
}
