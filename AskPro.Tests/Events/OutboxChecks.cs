using AskPro.Core.Booking;
using AskPro.Core.Events;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Events;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Events;

/// <summary>The outbox promises on a real database: an event written with its change reaches
/// each subscriber exactly once, across a crash of the dispatcher; a subscriber that keeps
/// failing is retried with backoff and then dead-lettered, without holding up the others.</summary>
public static class OutboxChecks
{
    private static readonly DateTime Wish = TenantWorld.Monday10Utc.AddDays(8);

    public static async Task Each_subscriber_gets_an_event_exactly_once_across_a_dispatcher_crash(TestDatabase database)
    {
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var clock = new FixedClock(new DateTimeOffset(TenantWorld.Monday10Utc));
        var appointment = await BookAsync(database, salon, clock, s => s.AddEventSubscriber<Tally>());

        // First node: the tally subscriber has written its row when the process dies (its
        // dispatch is cancelled before the commit).
        await using (var first = BookingEngine.For(database, clock, s => s.AddEventSubscriber<Tally>()))
        {
            using var crash = new CancellationTokenSource();
            Tally.OnHandle = () => crash.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DispatchAllAsync(first, crash.Token));
            Tally.OnHandle = null;
        }
        await using (var db = database.Platform())
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == Tally.Action));
            Assert.Contains(await db.Outbox.Select(m => m.Status).ToListAsync(), s => s == InboxStatus.Processing);
        }

        // A restarted node takes the rows over once their lease has run out.
        clock.Now += TimeSpan.FromMinutes(2);
        await using (var second = BookingEngine.For(database, clock, s => s.AddEventSubscriber<Tally>()))
        {
            await DispatchAllAsync(second, default);
            await DispatchAllAsync(second, default); // nothing left: nothing delivered twice
        }

        await using var check = database.Platform();
        var messages = await check.Outbox.Where(m => m.EventType == nameof(AppointmentBooked)).ToListAsync();
        Assert.Equal(["AuditTrail", "CalendarFeed", "CallLinks", "Tally"], messages.Select(m => m.Subscriber).Order());
        Assert.All(messages, m => Assert.Equal(InboxStatus.Processed, m.Status));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == Tally.Action && a.EntityId == appointment.ToString()));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "appointment.book" && a.EntityId == appointment.ToString()));
    }

    public static async Task A_failing_subscriber_is_retried_then_dead_lettered_and_the_others_are_served(TestDatabase database)
    {
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var clock = new FixedClock(new DateTimeOffset(TenantWorld.Monday10Utc));
        var appointment = await BookAsync(database, salon, clock, s => s.AddEventSubscriber<AlwaysFails>());
        await using var engine = BookingEngine.For(database, clock, s => s.AddEventSubscriber<AlwaysFails>().AddScoped<InboxReplay>().AddScoped<PlatformScope>().AddScoped<DeadLetterReplay>());

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DispatchAllAsync(engine, default);
            await using var db = database.Platform();
            var failing = await db.Outbox.SingleAsync(m => m.Subscriber == nameof(AlwaysFails));
            Assert.Equal(attempt, failing.Attempts);
            Assert.Equal(attempt < OutboxMessage.MaxAttempts ? InboxStatus.Failed : InboxStatus.Dead, failing.Status);
            Assert.Contains("the notification gateway is down", failing.LastError);
            Assert.True(failing.NextAttemptAt > clock.Now.UtcDateTime); // backoff: not again at once
            await DispatchAllAsync(engine, default);
            Assert.Equal(attempt, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == failing.Id)).Attempts);
            clock.Now = new DateTimeOffset(failing.NextAttemptAt, TimeSpan.Zero).AddSeconds(1);
        }

        await using var check = database.Platform();
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "appointment.book" && a.EntityId == appointment.ToString()));
        var dead = await check.Outbox.SingleAsync(m => m.Subscriber == nameof(AlwaysFails));
        Assert.Equal(InboxStatus.Dead, dead.Status);

        // Visible on the inbox page's outbox section (to its company, not to another), and replayed from there.
        await using var portal = engine.Services.CreateAsyncScope();
        var queries = portal.Get<IOutboxQueries>();
        var shown = await queries.SummaryAsync(TenantId.From(salon.Company.Id), default);
        Assert.Equal(1, shown.Counts.GetValueOrDefault(InboxStatus.Dead));
        Assert.Equal((nameof(AlwaysFails), InboxStatus.Dead), shown.Failing.Select(r => (r.Subscriber, r.Status)).Single());
        Assert.Empty((await queries.SummaryAsync(TenantId.From(Guid.NewGuid()), default)).Failing);
        var replay = portal.Get<DeadLetterReplay>();
        Assert.False(await replay.ReplayOutboxAsync(dead.Id, TenantId.From(Guid.NewGuid()), "admin:other", default));
        Assert.True(await replay.ReplayOutboxAsync(dead.Id, TenantId.From(salon.Company.Id), "admin:test", default));
        await DispatchAllAsync(engine, default);
        var again = await check.Outbox.AsNoTracking().SingleAsync(m => m.Id == dead.Id);
        Assert.Equal((InboxStatus.Failed, 1), (again.Status, again.Attempts)); // delivered to the subscriber again, which still fails
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "outbox.replay" && a.EntityId == dead.Id.ToString()));
    }

    /// <summary>Books with the subscribers of the test registered: who gets an event is decided when it is written.</summary>
    private static async Task<Guid> BookAsync(TestDatabase database, SalonData salon, TimeProvider clock, Action<IServiceCollection> subscribers)
    {
        await using var engine = BookingEngine.For(database, clock, subscribers);
        await using var scope = engine.For(salon.Company.Id);
        var booked = await scope.Get<Book>().RunAsync(new BookRequest(salon.Staff.Id, salon.Service.Id, salon.Customer.Id, Wish, AppointmentSource.Portal, "portal:test"), default);
        return Assert.IsType<BookingOutcome.Booked>(booked).Appointment.Id;
    }

    private static async Task DispatchAllAsync(BookingEngine engine, CancellationToken ct)
    {
        while (await engine.Dispatcher.DispatchDueAsync(50, ct) > 0) { }
    }

    /// <summary>A subscriber with a database effect, and a hook to crash in the middle of it.</summary>
    private sealed class Tally(AskProDbContext db) : IEventSubscriber<AppointmentBooked>
    {
        public const string Action = "test.tally";
        public static Action? OnHandle;

        public Task HandleAsync(AppointmentBooked e, CancellationToken ct)
        {
            db.AuditEntries.Add(new AuditEntry { Actor = "test", Action = Action, EntityType = "Appointment", EntityId = e.AppointmentId.ToString(), At = e.OccurredAtUtc });
            OnHandle?.Invoke();
            ct.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }

    private sealed class AlwaysFails : IEventSubscriber<AppointmentBooked>
    {
        public Task HandleAsync(AppointmentBooked e, CancellationToken ct) => throw new HttpRequestException("the notification gateway is down");
    }
}

public sealed class SqliteOutboxTests
{
    [Fact]
    public async Task Each_subscriber_gets_an_event_exactly_once_across_a_dispatcher_crash()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await OutboxChecks.Each_subscriber_gets_an_event_exactly_once_across_a_dispatcher_crash(db);
    }

    [Fact]
    public async Task A_failing_subscriber_is_retried_then_dead_lettered_and_the_others_are_served()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await OutboxChecks.A_failing_subscriber_is_retried_then_dead_lettered_and_the_others_are_served(db);
    }
}

public sealed class PostgresOutboxTests
{
    [PostgresFact]
    public async Task Each_subscriber_gets_an_event_exactly_once_across_a_dispatcher_crash()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await OutboxChecks.Each_subscriber_gets_an_event_exactly_once_across_a_dispatcher_crash(db);
    }

    [PostgresFact]
    public async Task A_failing_subscriber_is_retried_then_dead_lettered_and_the_others_are_served()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await OutboxChecks.A_failing_subscriber_is_retried_then_dead_lettered_and_the_others_are_served(db);
    }
}
