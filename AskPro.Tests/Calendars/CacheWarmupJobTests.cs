using System.Text.Json;
using AskPro.Core.Calendars;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Calendars.CalCom;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Tools.FakeCalCom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AskPro.Tests.Calendars;

/// <summary>The warm-up pre-loads every event type the demo salon books as, within its share of
/// the company's rate limit (counted at the fake, on the real clock), and the next caller's
/// answer then needs no Cal.com request.</summary>
public sealed class CacheWarmupJobTests
{
    [Fact]
    public async Task The_warm_up_loads_every_event_type_spread_under_the_rate_limit_and_callers_then_need_no_Cal_com_request()
    {
        // The fake on the real clock (its request times are measured); the app on the fixed one.
        await using var fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());
        using var app = new BookingApp(new()
        {
            ["Demo:CalComBaseUrl"] = fake.BaseUrl.ToString(),
            // 4 requests per second; the warm-up may use half of that.
            ["CalCom:RequestsPerMinute"] = "4", ["CalCom:RateWindowSeconds"] = "1", ["CalCom:WarmupShare"] = "0.5", ["CalCom:WarmupOnStart"] = "false", ["CalCom:WarmupCron"] = CalComSalon.NoWarmup,
        });
        // Each stylist also has an own Cal.com event type for Herrenhaarschnitt: 4 + 3 event types.
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == "demo-salon").Select(c => c.Id).SingleAsync());
        var staff = await app.ReadAsync(db => db.Staff.AsNoTracking().Where(s => s.CompanyId == salon).OrderBy(s => s.Name).ToListAsync());
        var herren = await app.ReadAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.CompanyId == salon && s.Name == "Herrenhaarschnitt"));
        await app.ReadAsync(async db =>
        {
            foreach (var (member, i) in staff.Select((s, i) => (s, i)))
            {
                fake.Calendar.EventTypes.Add(new FakeEventType(201 + i, "herrenhaarschnitt-" + i, "Herrenhaarschnitt", 30, [new FakeHost(21 + i, member.Name, member.Email ?? $"s{i}@salon.demo")]));
                db.CalComStaffEventTypes.Add(new CalComStaffEventType { CompanyId = member.CompanyId, StaffId = member.Id, ServiceId = herren.Id, EventTypeId = 201 + i });
            }
            return await db.SaveChangesAsync();
        });

        var scheduler = await app.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.DoesNotContain(fake.Calendar.Seen, r => r.Path == "/v2/slots"); // no warm-up at start-up here
        await scheduler.TriggerJob(CacheWarmupJob.Key);
        var run = await Eventually.Async("the warm-up run", () => app.ReadAsync(db => db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Job == "CacheWarmupJob" && r.EndedAt != null)),
            r => r is not null, TimeSpan.FromSeconds(60));

        var slots = fake.Calendar.Seen.Where(r => r.Path == "/v2/slots").Select(r => r.At).Order().ToList();
        Assert.Equal(JobOutcome.Succeeded, run!.Outcome);
        Assert.Contains("7 event types loaded", run.Message);
        Assert.Equal(7, slots.Count);
        // Never more than the warm-up's share (2) in any one-second window, let alone the limit (4).
        Assert.All(slots, start => Assert.True(slots.Count(t => t >= start && t < start.AddSeconds(1)) <= 2, $"more than 2 slot requests in the second from {start:O}"));
        Assert.True(slots[^1] - slots[0] >= TimeSpan.FromSeconds(2.5), "the requests were spread over the run");

        // Anna's own event type is warm: her next caller needs no Cal.com request.
        var reply = await app.Retell.CallAsync("check_availability", new { datum = "25.11.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" },
            "call_" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual("error", reply.GetProperty("status").GetString());
        Assert.Equal(7, fake.Calendar.Seen.Count(r => r.Path == "/v2/slots"));
    }
}
