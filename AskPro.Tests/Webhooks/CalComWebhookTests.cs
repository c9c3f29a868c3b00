using System.Net;
using AskPro.Tests.Support;
using System.Text;
using System.Text.Json.Nodes;
using AskPro.Core.Scheduling;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>Cal.com booking webhooks for the demo salon (Herrenhaarschnitt = event type 1002,
/// organizer schmidt@demo-salon.demo = Anna Schmidt).</summary>
[Collection(BookingAppCollection.Name)]
public sealed class CalComWebhookTests(BookingApp app)
{
    private const string Secret = FakeCalCom.SalonSecret;

    private static string Booking(string trigger, string uid, string start, string? rescheduleUid = null, int eventType = 1002,
        string organizer = "schmidt@demo-salon.demo", string? askproId = null)
    {
        var payload = new JsonObject
        {
            ["uid"] = uid, ["eventTypeId"] = eventType, ["title"] = "Herrenhaarschnitt", ["startTime"] = start,
            ["endTime"] = DateTimeOffset.Parse(start).AddMinutes(30).ToString("o"), ["status"] = "ACCEPTED",
            ["attendees"] = new JsonArray(new JsonObject { ["name"] = "Karl Kalender", ["email"] = $"karl.{uid}@example.org", ["timeZone"] = "Europe/Berlin" }),
            ["organizer"] = new JsonObject { ["email"] = organizer, ["name"] = "Anna" },
        };
        if (rescheduleUid is not null) payload["rescheduleUid"] = rescheduleUid;
        if (askproId is not null) payload["metadata"] = new JsonObject { ["askpro_appointment_id"] = askproId };
        return new JsonObject { ["triggerEvent"] = trigger, ["createdAt"] = DateTimeOffset.UtcNow.ToString("o") + uid, ["payload"] = payload }.ToJsonString();
    }

    private Task<HttpResponseMessage> SendAsync(string body, string secret = Secret, string tenantKey = "demo-salon") =>
        FakeCalCom.SendAsync(app.Host.ApiClient(null), body, secret, tenantKey);

    private Task DrainAsync() => Drain.InboxAsync(app.Host.Services, "calcom");

    private Task<Appointment?> ByUidAsync(string uid) => app.ReadAsync(db => db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.ExternalUid == uid));

    [Fact]
    public async Task Created_rescheduled_and_cancelled_in_CalCom_is_mirrored_once()
    {
        var uid = "cal_" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Booking("BOOKING_CREATED", uid, "2027-02-01T10:00:00+01:00"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Booking("BOOKING_CREATED", uid, "2027-02-01T10:00:00+01:00"))).StatusCode); // redelivered
        await DrainAsync();
        var created = await ByUidAsync(uid);
        Assert.NotNull(created);
        Assert.Equal(AppointmentSource.CalCom, created.Source);
        Assert.Equal(new DateTime(2027, 2, 1, 9, 0, 0, DateTimeKind.Utc), created.StartUtc);
        Assert.Equal(1, await app.ReadAsync(db => db.Appointments.CountAsync(a => a.ExternalUid == uid)));

        var newUid = uid + "_r";
        await SendAsync(Booking("BOOKING_RESCHEDULED", newUid, "2027-02-01T11:00:00+01:00", rescheduleUid: uid));
        await DrainAsync();
        var moved = await ByUidAsync(newUid);
        Assert.Equal(created.Id, moved!.Id);
        Assert.Equal(new DateTime(2027, 2, 1, 10, 0, 0, DateTimeKind.Utc), moved.StartUtc);

        await SendAsync(Booking("BOOKING_CANCELLED", newUid, "2027-02-01T11:00:00+01:00"));
        await DrainAsync();
        Assert.Equal(AppointmentStatus.Cancelled, (await ByUidAsync(newUid))!.Status);
        Assert.Equal(0, await app.ReadAsync(db => db.SlotClaims.CountAsync(c => c.AppointmentId == created.Id)));
    }

    [Fact]
    public async Task AskPros_own_booking_coming_back_is_recognised_not_duplicated()
    {
        var booked = await app.Retell.CallAsync("book_appointment", new { datum = "2.2.2027", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Otto Echo" }, "call_echo_" + Guid.NewGuid().ToString("N"));
        var id = booked.GetProperty("data").GetProperty("appointment_id").GetString()!;
        var uid = "cal_echo_" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Booking("BOOKING_CREATED", uid, "2027-02-02T10:00:00+01:00", askproId: id));
        await DrainAsync();
        Assert.Equal(1, await app.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == new DateTime(2027, 2, 2, 9, 0, 0, DateTimeKind.Utc) && a.Status != AppointmentStatus.Cancelled)));
        Assert.Equal(id, (await ByUidAsync(uid))!.Id.ToString());
    }

    [Fact]
    public async Task A_collision_or_an_unknown_event_type_is_dead_lettered_with_its_reason()
    {
        await app.Retell.CallAsync("book_appointment", new { datum = "3.2.2027", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Erna Erst" }, "call_first_" + Guid.NewGuid().ToString("N"));
        var clash = "cal_clash_" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Booking("BOOKING_CREATED", clash, "2027-02-03T10:15:00+01:00"));
        var unknown = "cal_unknown_" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Booking("BOOKING_CREATED", unknown, "2027-02-03T15:00:00+01:00", eventType: 999999));
        await DrainAsync();

        var clashItem = await app.ReadAsync(db => db.Inbox.SingleAsync(i => i.EventKey.Contains(clash)));
        Assert.Equal(InboxStatus.Dead, clashItem.Status);
        Assert.Contains("Conflict", clashItem.LastError);
        var unknownItem = await app.ReadAsync(db => db.Inbox.SingleAsync(i => i.EventKey.Contains(unknown)));
        Assert.Equal(InboxStatus.Dead, unknownItem.Status);
        Assert.Contains("999999", unknownItem.LastError);
        Assert.Null(await ByUidAsync(clash));
    }

    [Fact]
    public async Task A_dead_letter_is_replayed_successfully_once_its_cause_is_fixed()
    {
        var uid = "cal_fix_" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(Booking("BOOKING_CREATED", uid, "2027-02-05T14:00:00+01:00", eventType: 1777));
        await DrainAsync();
        var item = await app.ReadAsync(db => db.Inbox.SingleAsync(i => i.EventKey.Contains(uid)));
        Assert.Equal(InboxStatus.Dead, item.Status);

        // Staff connect the event type to a service, then replay the dead letter.
        await app.ReadAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.CalComEventTypeId == 1004); // Beratung
            service.CalComEventTypeId = 1777;
            return await db.SaveChangesAsync();
        });
        await using (var scope = app.Host.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<InboxReplay>().ReplayAsync(item.Id, null, "test-admin", default));
        try
        {
            await DrainAsync();
            Assert.Equal(InboxStatus.Processed, (await app.ReadAsync(db => db.Inbox.SingleAsync(i => i.Id == item.Id))).Status);
            Assert.NotNull(await ByUidAsync(uid));
        }
        finally
        {
            await app.ReadAsync(async db =>
            {
                (await db.Services.SingleAsync(s => s.CalComEventTypeId == 1777)).CalComEventTypeId = 1004;
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Wrong_secret_unknown_tenant_and_bad_JSON_are_refused_and_store_nothing()
    {
        var before = await app.ReadAsync(db => db.Inbox.CountAsync(i => i.Provider == "calcom"));
        var body = Booking("BOOKING_CREATED", "cal_refused", "2027-02-04T10:00:00+01:00");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(body, secret: "demo-calcom-secret-praxis")).StatusCode); // another tenant's secret
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(body, tenantKey: "no-such-company")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("{\"triggerEvent\": 5}")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(body.Replace("Herrenhaarschnitt", new string('x', 1024 * 1024)))).StatusCode);
        foreach (var header in new[] { null, "", "zz", new string('0', 64), "sha256=" + new string('a', 64) })
        {
            using var garbled = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/calcom/demo-salon") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (header is not null) garbled.Headers.TryAddWithoutValidation("X-Cal-Signature-256", header);
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Host.ApiClient(null).SendAsync(garbled)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(body, tenantKey: "demo-salon' OR '1'='1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("{\"triggerEvent\":\"PING\",\"payload\":{}}")).StatusCode);
        Assert.Equal(before, await app.ReadAsync(db => db.Inbox.CountAsync(i => i.Provider == "calcom")));
    }
}
