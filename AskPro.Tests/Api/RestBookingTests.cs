using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Api;

/// <summary>The REST API books, moves and cancels through the same engine as the phone: what
/// one channel books, the other sees taken; the same outcomes; every change audited once.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class RestBookingTests(BookingApp app)
{
    private HttpClient Api => app.Host.ApiClient(DemoData.Salon.ApiKey);

    private async Task<(string Anna, string Haircut)> IdsAsync() => await app.ReadAsync(async db =>
        ((await db.Staff.FirstAsync(s => s.Name.StartsWith("Anna"))).Id.ToString(), (await db.Services.FirstAsync(s => s.Name == "Herrenhaarschnitt")).Id.ToString()));

    private static object Phone(string date, string time, string? name = null) =>
        new Dictionary<string, string?> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = "Herrenhaarschnitt", ["mitarbeiter"] = "Anna", ["name"] = name }
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    [Fact]
    public async Task The_api_and_the_phone_book_move_and_cancel_through_one_engine()
    {
        var (anna, haircut) = await IdsAsync();
        var booked = await Api.PostAsJsonAsync("/api/v1/appointments", new
        {
            staffId = anna, serviceId = haircut, start = "2027-01-20T10:00:00+01:00",
            customer = new { name = "Rita Rest", phone = "0170 5555 0001", email = "rita@example.org" },
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var item = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("id").GetString()!;
        Assert.Equal("Api", item.GetProperty("source").GetString());

        // The phone sees it taken, and a caller cannot book it.
        Assert.Equal("unavailable", Status(await app.Retell.CallAsync("check_availability", Phone("20.1.2027", "10 Uhr"), "call_rest_a")));
        Assert.Equal("slot_taken", Status(await app.Retell.CallAsync("book_appointment", Phone("20.1.2027", "10 Uhr", "Paul Phon"), "call_rest_b", fromNumber: "+4917055550002")));
        // The same outcome over the API: 409.
        var again = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start = "2027-01-20T10:15:00+01:00", customer = new { name = "Otto Ander" } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Moved by the API: 10:00 is free for the phone again.
        var moved = await Api.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { start = "2027-01-20T11:00:00+01:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 11, 0, 0, TimeSpan.FromHours(1)), (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetDateTimeOffset());
        Assert.Equal("available", Status(await app.Retell.CallAsync("check_availability", Phone("20.1.2027", "10 Uhr"), "call_rest_c")));

        var cancelled = await Api.PostAsJsonAsync($"/api/v1/appointments/{id}/cancel", new { reason = "Termin verlegt" });
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("available", Status(await app.Retell.CallAsync("check_availability", Phone("20.1.2027", "11 Uhr"), "call_rest_d")));

        // Each change is audited once, by the API key, off the request path (the outbox).
        var audit = await Eventually.Async("three audit entries for the appointment",
            () => app.ReadAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => new { a.Action, a.Actor }).ToListAsync()),
            entries => entries.Count >= 3);
        Assert.Equal(["appointment.book", "appointment.cancel", "appointment.reschedule"], audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.StartsWith("apikey:", a.Actor));
    }

    [Fact]
    public async Task The_api_is_held_to_the_customer_policies()
    {
        var (anna, haircut) = await IdsAsync();
        var before = await app.ReadAsync(db => db.Customers.CountAsync());
        // "Now" is Monday 08:00 in Berlin; the salon opens at 09:00 and a haircut needs an hour's notice.
        var tooSoon = await Api.PostAsJsonAsync("/api/v1/appointments", new
        {
            staffId = anna, serviceId = haircut, start = app.Clock.Now.AddMinutes(45), customer = new { name = "Eilig Kunde" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSoon.StatusCode);
        Assert.Equal("MinimumNotice", (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        var farAway = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start = "2027-06-02T10:00:00+02:00", customer = new { name = "Spät Kunde" } });
        Assert.Equal("BookingHorizon", (await farAway.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        var atNight = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start = "2027-01-21T03:00:00+01:00", customer = new { name = "Nacht Kunde" } });
        Assert.Equal("OutsideHours", (await atNight.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Equal(before, await app.ReadAsync(db => db.Customers.CountAsync())); // a refused booking creates nobody
    }

    [Theory]
    [InlineData("{\"staffId\":\"x\",\"serviceId\":\"x\",\"start\":\"2027-01-21T10:00:00+01:00\",\"customer\":{\"name\":\"Lena\"}}")]
    [InlineData("{\"staffId\":\"STAFF\",\"serviceId\":\"SERVICE\",\"start\":\"2027-01-21T10:00:00+01:00\",\"customer\":{\"name\":\"<script>\"}}")]
    [InlineData("{\"staffId\":\"STAFF\",\"serviceId\":\"SERVICE\",\"start\":\"2027-01-21T10:00:00+01:00\",\"customer\":{\"name\":\"Lena Lustig\",\"email\":\"kein-at\"}}")]
    [InlineData("{\"staffId\":\"STAFF\",\"serviceId\":\"SERVICE\",\"start\":\"2027-01-21T10:07:00+01:00\",\"customer\":{\"name\":\"Lena Lustig\"}}")]
    [InlineData("{\"staffId\":\"STAFF\",\"serviceId\":\"SERVICE\"}")]
    public async Task Bad_input_is_refused_with_400_and_stores_nothing(string template)
    {
        var (anna, haircut) = await IdsAsync();
        var before = await app.ReadAsync(async db => (await db.Appointments.CountAsync(), await db.Customers.CountAsync()));
        var body = template.Replace("STAFF", anna).Replace("SERVICE", haircut);
        var response = await Api.PostAsync("/api/v1/appointments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.ReadAsync(async db => (await db.Appointments.CountAsync(), await db.Customers.CountAsync())));
    }
}
