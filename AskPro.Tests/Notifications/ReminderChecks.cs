using AskPro.Core.Booking;
using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskPro.Tests.Notifications;

/// <summary>The reminder promises with a fake clock, on a real database: exactly once per
/// appointment across two nodes and a restart; a moved appointment is reminded of its new time
/// only; a cancelled one not at all.</summary>
public static class ReminderChecks
{
    // Booked on Monday 23 November for Tuesday 1 December (more than a week ahead): reminded two days before.
    private static readonly DateTime DueAt = NotificationWorld.Wish.AddHours(-48);

    public static async Task Each_reminder_is_sent_exactly_once_across_two_nodes_and_a_restart(DatabaseProvider provider)
    {
        await using var world = await NotificationWorld.CreateAsync(provider);
        await using (var node = world.Node())
        {
            await world.BookAsync(node);
            await NotificationWorld.DeliverAsync(node);
        }
        Assert.Single(world.Smtp.Received); // the confirmation

        world.Clock.Now = new DateTimeOffset(DueAt.AddMinutes(-1));
        await using (var early = world.Node()) await RunJobAsync(early, world.Clock);
        Assert.Equal(0, await RemindersAsync(world));

        world.Clock.Now = new DateTimeOffset(DueAt.AddMinutes(1));
        await using (var a = world.Node())
        await using (var b = world.Node())
        {
            await Task.WhenAll(RunJobAsync(a, world.Clock), RunJobAsync(b, world.Clock));
            await Task.WhenAll(SendAllAsync(a), SendAllAsync(b));
        }
        // The next morning the app restarts; the job and the sender run again.
        world.Clock.Now += TimeSpan.FromMinutes(5);
        await using (var restarted = world.Node())
        {
            await RunJobAsync(restarted, world.Clock);
            await SendAllAsync(restarted);
        }

        var reminder = Assert.Single(world.Smtp.Received, m => m.Subject!.StartsWith("Erinnerung"));
        Assert.Equal("Erinnerung: Ihr Termin am Dienstag, 1. Dezember 2026 um 10:00 Uhr", reminder.Subject);
        Assert.Empty(reminder.Attachments);
        // The salon's own SMS reminder template (TenantWorld) is the one used.
        Assert.Equal(["booked", "Salon salon-a: bis Dienstag, 1. Dezember 2026"], world.Twilio.Requests.Select(r => r.Form["Body"].Contains("ist gebucht") ? "booked" : r.Form["Body"]));
        Assert.Equal(2, await RemindersAsync(world)); // one e-mail, one SMS
    }

    public static async Task A_moved_appointment_is_reminded_of_its_new_time_only(DatabaseProvider provider)
    {
        await using var world = await NotificationWorld.CreateAsync(provider);
        await using var node = world.Node();
        var id = await world.BookAsync(node);
        await NotificationWorld.DeliverAsync(node);

        // The reminder for the old time is written, and the appointment moves before it is sent.
        world.Clock.Now = new DateTimeOffset(DueAt.AddMinutes(1));
        await RunJobAsync(node, world.Clock);
        await using (var scope = node.For(world.Salon.Company.Id))
            Assert.IsType<RescheduleOutcome.Moved>(await scope.Get<Reschedule>().RunAsync(
                new RescheduleRequest(id, NotificationWorld.Wish.AddDays(1), AppointmentSource.Portal, "portal:test"), default));
        await NotificationWorld.DeliverAsync(node);
        await RunJobAsync(node, world.Clock);
        await SendAllAsync(node);
        Assert.DoesNotContain(world.Smtp.Received, m => m.Subject!.StartsWith("Erinnerung"));

        world.Clock.Now = new DateTimeOffset(DueAt.AddDays(1).AddMinutes(1));
        await RunJobAsync(node, world.Clock);
        await SendAllAsync(node);

        var reminder = Assert.Single(world.Smtp.Received, m => m.Subject!.StartsWith("Erinnerung"));
        Assert.Equal("Erinnerung: Ihr Termin am Mittwoch, 2. Dezember 2026 um 10:00 Uhr", reminder.Subject);
        await using var db = world.Database.Platform();
        var stale = await db.CustomerMessages.Where(m => m.AppointmentId == id && m.Kind == MessageKind.Reminder && m.AppointmentStartUtc == NotificationWorld.Wish).ToListAsync();
        Assert.Equal(2, stale.Count);
        Assert.All(stale, m => Assert.Equal(("appointment moved", (DateTime?)null), (m.SkippedBecause, m.SentAt)));
    }

    public static async Task A_cancelled_appointment_gets_no_reminder(DatabaseProvider provider)
    {
        await using var world = await NotificationWorld.CreateAsync(provider);
        await using var node = world.Node();
        var id = await world.BookAsync(node);
        await using (var scope = node.For(world.Salon.Company.Id))
            await scope.Get<Cancel>().RunAsync(new CancelRequest(id, null, AppointmentSource.Portal, "portal:test"), default);
        await NotificationWorld.DeliverAsync(node);

        world.Clock.Now = new DateTimeOffset(DueAt.AddMinutes(1));
        await RunJobAsync(node, world.Clock);
        await SendAllAsync(node);

        Assert.Equal(0, await RemindersAsync(world));
        Assert.DoesNotContain(world.Smtp.Received, m => m.Subject!.StartsWith("Erinnerung"));
    }

    private static async Task RunJobAsync(BookingEngine node, TimeProvider clock) =>
        await new ReminderJob(node.Service<IServiceScopeFactory>(), clock, NullLogger<ReminderJob>.Instance).Execute(null!, default);

    private static async Task SendAllAsync(BookingEngine node)
    {
        while (await node.Service<MessageSender>().SendDueAsync(10, default) > 0) { }
    }

    private static async Task<int> RemindersAsync(NotificationWorld world)
    {
        await using var db = world.Database.Platform();
        return await db.CustomerMessages.CountAsync(m => m.CompanyId == world.Salon.Company.Id && m.Kind == MessageKind.Reminder && m.Key != "seed:salon-a");
    }
}

public sealed class SqliteReminderTests
{
    [Fact] public Task Each_reminder_is_sent_exactly_once_across_two_nodes_and_a_restart() => ReminderChecks.Each_reminder_is_sent_exactly_once_across_two_nodes_and_a_restart(DatabaseProvider.Sqlite);
    [Fact] public Task A_moved_appointment_is_reminded_of_its_new_time_only() => ReminderChecks.A_moved_appointment_is_reminded_of_its_new_time_only(DatabaseProvider.Sqlite);
    [Fact] public Task A_cancelled_appointment_gets_no_reminder() => ReminderChecks.A_cancelled_appointment_gets_no_reminder(DatabaseProvider.Sqlite);
}

public sealed class PostgresReminderTests
{
    [PostgresFact] public Task Each_reminder_is_sent_exactly_once_across_two_nodes_and_a_restart() => ReminderChecks.Each_reminder_is_sent_exactly_once_across_two_nodes_and_a_restart(DatabaseProvider.Postgres);
    [PostgresFact] public Task A_moved_appointment_is_reminded_of_its_new_time_only() => ReminderChecks.A_moved_appointment_is_reminded_of_its_new_time_only(DatabaseProvider.Postgres);
}

public sealed class ReminderRuleTests
{
    private static readonly DateTime Start = new(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(24, 3, 24)]   // booked three days ahead: the company's 24 hours
    [InlineData(48, 3, 48)]
    [InlineData(24, 8, 48)]   // booked more than a week ahead: two days before
    [InlineData(48, 8, 48)]
    [InlineData(24, 7, 24)]   // exactly a week is not "more than"
    public void The_lead_is_the_companys_choice_or_two_days_for_bookings_long_ahead(int companyHours, int daysAhead, int expectedHours) =>
        Assert.Equal(TimeSpan.FromHours(expectedHours), ReminderRule.Lead(companyHours, Start.AddDays(-daysAhead), Start));

    [Fact]
    public void An_appointment_booked_inside_the_reminder_window_gets_no_reminder()
    {
        Assert.Null(ReminderRule.DueAtUtc(24, Start.AddHours(-5), Start));
        Assert.Equal(Start.AddHours(-24), ReminderRule.DueAtUtc(24, Start.AddHours(-30), Start));
    }
}
