using System.Text;
using AskPro.Core.Booking;
using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Core.Webhooks;
using AskPro.Tests.Support;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ICalendar = Ical.Net.Calendar;

namespace AskPro.Tests.Notifications;

/// <summary>What a customer receives when their appointment is booked, moved and cancelled:
/// e-mails over a real SMTP server (text, HTML, a calendar file that updates the same entry)
/// and SMS through the fake Twilio API, in their language, each exactly once.</summary>
public sealed class CustomerNoticeTests
{
    [Fact]
    public async Task Booking_moving_and_cancelling_send_one_notice_each_by_email_and_sms_updating_one_calendar_entry()
    {
        await using var world = await NotificationWorld.CreateAsync();
        await using var node = world.Node();

        var id = await world.BookAsync(node);
        await NotificationWorld.DeliverAsync(node);
        var confirmation = Assert.Single(world.Smtp.Received);
        Assert.Equal("Ihr Termin am Dienstag, 1. Dezember 2026 um 10:00 Uhr", confirmation.Subject);
        Assert.Equal("Salon salon-a", confirmation.From.Mailboxes.Single().Name);
        Assert.Contains("Herrenhaarschnitt bei Anna", confirmation.TextBody);
        Assert.Contains("Torstraße 101, 10119 Berlin", confirmation.TextBody);
        Assert.Contains($"https://askpro.example/portal?company=salon-a&appointment={id:N}", confirmation.TextBody);
        Assert.Contains($"<a href=\"https://askpro.example/portal?company=salon-a&amp;appointment={id:N}\">", confirmation.HtmlBody);
        var booked = CalendarEventOf(confirmation, "REQUEST");
        Assert.Equal($"{id:N}@askpro", booked.Uid);
        Assert.Equal(0, booked.Sequence);
        Assert.Equal(NotificationWorld.Wish, booked.DtStart!.AsUtc);
        Assert.Equal(NotificationWorld.Wish.AddMinutes(30), booked.DtEnd!.AsUtc);
        var sms = Assert.Single(world.Twilio.Requests);
        Assert.Equal("+4915112345678", sms.Form["To"]);
        Assert.Equal("Salon salon-a: Ihr Termin für Herrenhaarschnitt am Dienstag, 1. Dezember 2026 um 10:00 Uhr ist gebucht. "
            + $"Ändern: https://askpro.example/portal?company=salon-a&appointment={id:N}", sms.Form["Body"]);

        world.Clock.Now += TimeSpan.FromMinutes(5);
        await using (var scope = node.For(world.Salon.Company.Id))
            Assert.IsType<RescheduleOutcome.Moved>(await scope.Get<Reschedule>().RunAsync(
                new RescheduleRequest(id, NotificationWorld.Wish.AddHours(2), AppointmentSource.Portal, "portal:test"), default));
        await NotificationWorld.DeliverAsync(node);
        var change = world.Smtp.Received[1];
        Assert.Equal("Ihr Termin wurde verschoben: Dienstag, 1. Dezember 2026 um 12:00 Uhr", change.Subject);
        var moved = CalendarEventOf(change, "REQUEST");
        Assert.Equal(booked.Uid, moved.Uid);
        Assert.True(moved.Sequence > booked.Sequence);
        Assert.Equal(NotificationWorld.Wish.AddHours(2), moved.DtStart!.AsUtc);
        Assert.Contains("verschoben auf Dienstag, 1. Dezember 2026 um 12:00 Uhr", world.Twilio.Requests[1].Form["Body"]);

        world.Clock.Now += TimeSpan.FromMinutes(5);
        await using (var scope = node.For(world.Salon.Company.Id))
            Assert.IsType<CancelOutcome.Cancelled>(await scope.Get<Cancel>().RunAsync(new CancelRequest(id, "krank", AppointmentSource.Portal, "portal:test"), default));
        await NotificationWorld.DeliverAsync(node);
        var cancellation = world.Smtp.Received[2];
        Assert.Equal("Ihr Termin am Dienstag, 1. Dezember 2026 wurde abgesagt", cancellation.Subject);
        var cancelled = CalendarEventOf(cancellation, "CANCEL");
        Assert.Equal(booked.Uid, cancelled.Uid);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Contains("https://askpro.example/book/salon-a", cancellation.TextBody);

        // Nothing twice: three e-mails, three SMS, six rows, all sent.
        await NotificationWorld.DeliverAsync(node);
        Assert.Equal(3, world.Smtp.Received.Count);
        Assert.Equal(3, world.Twilio.Requests.Count);
        await using var db = world.Database.Platform();
        var rows = await db.CustomerMessages.Where(m => m.AppointmentId == id).ToListAsync();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, m => Assert.Equal((InboxStatus.Processed, (string?)null), (m.Status, m.SkippedBecause)));
        Assert.All(rows, m => Assert.NotNull(m.SentAt));
        Assert.Contains(rows, m => m.Channel == MessageChannel.Sms && m.ProviderMessageId!.StartsWith("SM"));
    }

    [Fact]
    public async Task An_english_speaking_customer_gets_english_messages()
    {
        await using var world = await NotificationWorld.CreateAsync(language: "en");
        await using var node = world.Node();

        await world.BookAsync(node);
        await NotificationWorld.DeliverAsync(node);

        var mail = Assert.Single(world.Smtp.Received);
        Assert.Equal("Your appointment on Tuesday, 1 December 2026 at 10:00", mail.Subject);
        Assert.Contains("Hello Lena Müller,", mail.TextBody);
        Assert.StartsWith("Salon salon-a: your appointment for Herrenhaarschnitt on Tuesday, 1 December 2026 at 10:00 is booked.", world.Twilio.Requests.Single().Form["Body"]);
    }

    [Fact]
    public async Task A_customer_who_opted_out_of_sms_gets_only_the_email_and_the_companys_template_is_used()
    {
        await using var world = await NotificationWorld.CreateAsync();
        await using (var db = world.Database.Platform())
        {
            await db.Customers.Where(c => c.Id == world.Salon.Customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OptedOutOfSms, true));
            db.MessageTemplates.Add(new MessageTemplate
            {
                CompanyId = world.Salon.Company.Id, Kind = MessageKind.Confirmation, Channel = MessageChannel.Email, Language = "de",
                Subject = "Gebucht: {dienstleistung}", Body = "Liebe(r) {kunde}, wir sehen uns am {datum} um {uhrzeit}. {unbekannt}",
            });
            await db.SaveChangesAsync();
        }
        await using var node = world.Node();

        await world.BookAsync(node);
        await NotificationWorld.DeliverAsync(node);

        Assert.Empty(world.Twilio.Requests);
        var mail = Assert.Single(world.Smtp.Received);
        Assert.Equal("Gebucht: Herrenhaarschnitt", mail.Subject);
        Assert.Equal("Liebe(r) Lena Müller, wir sehen uns am Dienstag, 1. Dezember 2026 um 10:00 Uhr. {unbekannt}", mail.TextBody!.Trim());
    }

    [Fact]
    public async Task A_refused_sms_is_recorded_as_failed_for_staff_and_sent_on_a_later_attempt()
    {
        await using var world = await NotificationWorld.CreateAsync();
        await using var node = world.Node();
        world.Twilio.FailWithCode = 21211;

        await world.BookAsync(node);
        await NotificationWorld.DeliverAsync(node);

        await using (var db = world.Database.Platform())
        {
            var sms = await db.CustomerMessages.SingleAsync(m => m.Channel == MessageChannel.Sms && m.CompanyId == world.Salon.Company.Id && m.Key != "seed:salon-a");
            Assert.Equal((InboxStatus.Failed, 1), (sms.Status, sms.Attempts));
            Assert.Contains("ApiException", sms.LastError);
            Assert.Null(sms.SentAt);
            world.Clock.Now = new DateTimeOffset(sms.NextAttemptAt, TimeSpan.Zero).AddSeconds(1);
        }
        world.Twilio.FailWithCode = null;
        await NotificationWorld.DeliverAsync(node);

        Assert.Equal(2, world.Twilio.Requests.Count);
        Assert.Single(world.Smtp.Received);
        await using var check = world.Database.Platform();
        Assert.Equal(InboxStatus.Processed, (await check.CustomerMessages.SingleAsync(m => m.Channel == MessageChannel.Sms && m.Key != "seed:salon-a" && m.CompanyId == world.Salon.Company.Id)).Status);
    }

    [Fact]
    public async Task A_confirmation_not_yet_sent_when_the_appointment_is_cancelled_is_skipped_not_sent()
    {
        await using var world = await NotificationWorld.CreateAsync();
        await using var node = world.Node();
        var id = await world.BookAsync(node);
        await using (var scope = node.For(world.Salon.Company.Id))
            await scope.Get<Cancel>().RunAsync(new CancelRequest(id, null, AppointmentSource.Portal, "portal:test"), default);

        await NotificationWorld.DeliverAsync(node);

        Assert.All(world.Smtp.Received, m => Assert.Contains("abgesagt", m.Subject));
        await using var db = world.Database.Platform();
        var confirmations = await db.CustomerMessages.Where(m => m.AppointmentId == id && m.Kind == MessageKind.Confirmation).ToListAsync();
        Assert.Equal(2, confirmations.Count);
        Assert.All(confirmations, m => Assert.Equal("appointment cancelled", m.SkippedBecause));
    }

    private static CalendarEvent CalendarEventOf(MimeMessage mail, string method)
    {
        var file = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("text/calendar", file.ContentType.MimeType);
        using var content = new MemoryStream();
        file.Content!.DecodeTo(content);
        var calendar = ICalendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal(method, calendar.Method);
        return Assert.Single(calendar.Events);
    }
}
