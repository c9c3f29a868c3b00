using AskPro.Core.Shared;
using AskPro.Infrastructure.Calendars.CalCom;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Calendars;

/// <summary>Two companies whose services are the same Cal.com event type id, each in its own
/// Cal.com account: one's cached slots are never the other's answer.</summary>
public sealed class CalComCacheIsolationTests
{
    [Fact]
    public async Task Two_tenants_with_the_same_event_type_id_never_share_a_cached_entry()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, b) = await TenantWorld.CreateAsync(database);
        await using var fakeA = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());
        await using var fakeB = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());
        await using var engine = BookingEngine.For(database);
        var secrets = engine.Service<SecretProtector>();
        await using (var db = database.Platform())
        {
            foreach (var (salon, fake) in new[] { (a, fakeA), (b, fakeB) })
            {
                var settings = await db.CalComSettings.SingleAsync(s => s.CompanyId == salon.Company.Id);
                (settings.Active, settings.BaseUrl, settings.ApiKeyProtected) = (true, fake.BaseUrl.ToString(), secrets.Protect(FakeCalendar.DemoApiKey));
                (await db.Services.SingleAsync(s => s.Id == salon.Service.Id)).CalComEventTypeId = 102;
                (await db.CalComStaffEventTypes.SingleAsync(m => m.CompanyId == salon.Company.Id)).EventTypeId = 102;
            }
            await db.SaveChangesAsync();
        }
        // Company B's Cal.com has 10:00 Berlin on a Monday booked for every host; A's has it free.
        var monday = TenantWorld.Monday10Utc.AddDays(28);
        foreach (var i in Enumerable.Range(1, 3))
            Assert.NotNull(fakeB.Calendar.TryBook(fakeB.Calendar.EventType(102)!, new DateTimeOffset(monday), $"B {i}", $"b{i}@example.org", "Europe/Berlin", null, [], "b"));
        var day = new TimeInterval(monday.Date, monday.Date.AddDays(1));

        async Task<bool> BusyAt10Async(SalonData salon)
        {
            await using var scope = engine.For(salon.Company.Id);
            var busy = await scope.Get<CalComCalendar>().ExternalBusyAsync(salon.Service, [salon.Staff.Id], day, default);
            return busy.Any(x => x.Interval.Start <= monday && monday < x.Interval.End);
        }

        Assert.False(await BusyAt10Async(a)); // A's slots fetched and cached
        Assert.True(await BusyAt10Async(b)); // B asks its own Cal.com, not A's cache entry
        Assert.Single(fakeB.Calendar.Seen, r => r.Path == "/v2/slots");
        Assert.False(await BusyAt10Async(a)); // and A's entry is still A's
        Assert.Single(fakeA.Calendar.Seen, r => r.Path == "/v2/slots");
    }
}
