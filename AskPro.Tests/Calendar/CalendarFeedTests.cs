using System.Net.Http.Json;
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

    [Fact]
    public async Task An_appointment_handed_to_a_colleague_redraws_both_columns()
    {
        app.Clock.Now = BookingApp.Start;
        var salon = TenantId.From(await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync()));
        var (anna, julia) = await app.ReadAsync(async db =>
            ((await db.Staff.SingleAsync(s => s.Name == "Anna Schmidt")).Id, (await db.Staff.SingleAsync(s => s.Name == "Julia Weber")).Id));
        var api = app.Host.ApiClient(DemoData.Salon.ApiKey);
        var service = await app.ReadAsync(db => db.Services.Where(s => s.Name == "Herrenhaarschnitt").Select(s => s.Id).SingleAsync());
        var told = new System.Collections.Concurrent.ConcurrentQueue<(TenantId Company, Guid Staff)>();
        var changes = app.Host.Services.GetRequiredService<CalendarChanges>();
        void Listen(TenantId company, Guid staff) => told.Enqueue((company, staff));
        changes.Changed += Listen;
        try
        {
            var booked = await api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = service, start = "2026-12-22T11:00:00+01:00", customer = new { name = "Hans Hand" } });
            Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);
            var id = (await booked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
            // The booking's own news first, so what follows is the move's alone.
            await Eventually.Async("the booking reaches the feed", () => Task.FromResult(told.ToArray()), news => news.Contains((salon, anna)), TimeSpan.FromSeconds(10));
            told.Clear();

            Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/appointments/{id}", new { staffId = julia })).StatusCode);
            await Eventually.Async("the calendar feed tells both members' columns", () => Task.FromResult(told.ToArray()),
                news => news.Contains((salon, anna)) && news.Contains((salon, julia)), TimeSpan.FromSeconds(10));
        }
        finally
        {
            changes.Changed -= Listen;
        }
    }
}
