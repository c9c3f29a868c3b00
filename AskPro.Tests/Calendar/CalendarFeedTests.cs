using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Events.Subscribers;
using AskPro.Tests.CompanyDirectory;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Calendar;

/// <summary>The running app: a caller books over a signed function call, and the company's open
/// calendars are told within seconds (the outbox delivers the booking to the calendar feed).</summary>
[Collection(DirectoryAppCollection.Name)]
public sealed class CalendarFeedTests(BookingApp app)
{
    [Fact]
    public async Task A_phone_booking_reaches_the_companys_open_calendars_within_seconds()
    {
        app.Clock.Now = BookingApp.Start;
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        var told = new System.Collections.Concurrent.ConcurrentQueue<(TenantId Company, Guid Staff)>();
        var changes = app.Host.Services.GetRequiredService<CalendarChanges>();
        void Listen(TenantId company, Guid staff) => told.Enqueue((company, staff)); // earlier tests' events may still arrive too
        changes.Changed += Listen;
        try
        {
            var reply = await app.Retell.CallAsync("book_appointment",
                new { datum = "21.12.", uhrzeit = "15 Uhr", dienstleistung = "Herrenhaarschnitt", name = "Paul Live" }, "call_" + Guid.NewGuid().ToString("N"));
            Assert.Equal("booked", reply.GetProperty("status").GetString());
            var id = Guid.Parse(reply.GetProperty("data").GetProperty("appointment_id").GetString()!);
            var staff = await app.ReadAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StaffId).SingleAsync());

            await Eventually.Async("the calendar feed tells the salon's calendars", () => Task.FromResult(told.ToArray()),
                news => news.Contains((TenantId.From(salon), staff)), TimeSpan.FromSeconds(10));
        }
        finally
        {
            changes.Changed -= Listen;
        }
    }
}
