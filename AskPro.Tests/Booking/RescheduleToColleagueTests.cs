using System.Text.Json;
using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Booking;

/// <summary>Handing an appointment to a colleague through <see cref="Reschedule"/>: the time
/// moves to the new member's column in one transaction (claims, staff, branch, event with both
/// members), the old member is free again; a colleague who is taken, away, does not perform the
/// service or belongs to another company changes nothing; a calendar that refuses puts staff and
/// time back; a Cal.com company is told it cannot.</summary>
public abstract class RescheduleToColleagueChecks(DatabaseProvider provider)
{
    /// <summary>Monday 14 December 2026, 10:00 in Berlin (the salons' Monday hours 9–12, 13–18).</summary>
    private static readonly DateTime Monday10 = TenantWorld.Monday10Utc.AddDays(21);

    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    private sealed record World(TestDatabase Database, SalonData A, SalonData B, Staff Berta, Staff Carl, Staff Dora) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    /// <summary>Salon A gets Berta (performs the service), Carl (does not) and Dora (away that Monday); salon B a colleague too.</summary>
    private async Task<World> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var (a, b) = await TenantWorld.CreateAsync(database);
        await using var db = database.Platform();
        db.Attach(a.Service);
        db.Attach(b.Service);
        var berta = new Staff { CompanyId = a.Company.Id, Name = "Berta", BranchId = a.Branch.Id, Services = [a.Service] };
        var carl = new Staff { CompanyId = a.Company.Id, Name = "Carl", BranchId = a.Branch.Id };
        var dora = new Staff
        {
            CompanyId = a.Company.Id, Name = "Dora", BranchId = a.Branch.Id, Services = [a.Service],
            Absences = [new Absence { StartUtc = Monday10.Date, EndUtc = Monday10.Date.AddDays(1), Kind = AbsenceKind.Vacation }],
        };
        db.Staff.AddRange(berta, carl, dora, new Staff { CompanyId = b.Company.Id, Name = "Bruno", BranchId = b.Branch.Id, Services = [b.Service] });
        await db.SaveChangesAsync();
        return new World(database, a, b, berta, carl, dora);
    }

    private static BookRequest At(SalonData salon, Guid staff, DateTime start) =>
        new(staff, salon.Service.Id, salon.Customer.Id, start, AppointmentSource.Portal, "portal:test");

    private static RescheduleRequest To(Appointment appointment, DateTime start, Guid staff) =>
        new(appointment.Id, start, AppointmentSource.Portal, "portal:test", staff);

    protected async Task Moves_to_a_colleague_and_frees_the_old_members_time()
    {
        await using var world = await CreateAsync();
        await using var engine = BookingEngine.For(world.Database, Clock);
        await using var scope = engine.For(world.A.Company.Id);
        var anna = world.A.Staff.Id;
        var booked = Assert.IsType<BookingOutcome.Booked>(await scope.Get<Book>().RunAsync(At(world.A, anna, Monday10), default)).Appointment;

        // Same time, Berta: Anna's 10:00 is free again, Berta's taken.
        var moved = Assert.IsType<RescheduleOutcome.Moved>(await scope.Get<Reschedule>().RunAsync(To(booked, Monday10, world.Berta.Id), default));
        Assert.Equal(world.Berta.Id, moved.Appointment.StaffId);
        await using (var db = world.Database.For(world.A.Company.Id))
        {
            var stored = await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == booked.Id);
            Assert.Equal((world.Berta.Id, world.A.Branch.Id, Monday10), (stored.StaffId, stored.BranchId, stored.StartUtc));
            Assert.All(await db.SlotClaims.Where(c => c.AppointmentId == booked.Id).ToListAsync(), c => Assert.Equal(world.Berta.Id, c.StaffId));
            Assert.Equal(8, await db.SlotClaims.CountAsync(c => c.AppointmentId == booked.Id)); // 30 min + 10 min buffer in 5-minute granules
            var @event = await db.Outbox.Where(o => o.EventType == "AppointmentRescheduled").Select(o => o.Payload).FirstAsync();
            var rescheduled = JsonSerializer.Deserialize<AppointmentRescheduled>(@event, EventSubscribers.Json)!;
            Assert.Equal((world.Berta.Id, anna, anna), (rescheduled.StaffId, rescheduled.PreviousStaffId, rescheduled.FreedStaffId));
        }
        Assert.IsType<BookingOutcome.Booked>(await scope.Get<Book>().RunAsync(At(world.A, anna, Monday10), default));
        Assert.IsType<BookingOutcome.SlotTaken>(await scope.Get<Book>().RunAsync(At(world.A, world.Berta.Id, Monday10), default));

        // Back to Anna at 10:00: taken now, so nothing changes (still Berta's, her claims intact).
        Assert.IsType<RescheduleOutcome.SlotTaken>(await scope.Get<Reschedule>().RunAsync(To(booked, Monday10, anna), default));
        await using (var db = world.Database.For(world.A.Company.Id))
        {
            Assert.Equal(world.Berta.Id, (await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == booked.Id)).StaffId);
            Assert.Equal(8, await db.SlotClaims.CountAsync(c => c.AppointmentId == booked.Id && c.StaffId == world.Berta.Id));
        }

        // Time and member at once: to Anna at 11:00.
        Assert.IsType<RescheduleOutcome.Moved>(await scope.Get<Reschedule>().RunAsync(To(booked, Monday10.AddHours(1), anna), default));
        Assert.IsType<BookingOutcome.Booked>(await scope.Get<Book>().RunAsync(At(world.A, world.Berta.Id, Monday10), default));
    }

    protected async Task A_colleague_who_cannot_take_it_changes_nothing()
    {
        await using var world = await CreateAsync();
        await using var engine = BookingEngine.For(world.Database, Clock);
        await using var scope = engine.For(world.A.Company.Id);
        var booked = Assert.IsType<BookingOutcome.Booked>(await scope.Get<Book>().RunAsync(At(world.A, world.A.Staff.Id, Monday10), default)).Appointment;
        var reschedule = scope.Get<Reschedule>();

        Assert.Equal(BookingRule.StaffDoesNotPerformService,
            Assert.IsType<RescheduleOutcome.PolicyViolated>(await reschedule.RunAsync(To(booked, Monday10, world.Carl.Id), default)).Rule);
        // Dora is on vacation that day; and nobody works at 12:30 (the branch's lunch break), in the portal too.
        Assert.Equal(BookingRule.OutsideHours,
            Assert.IsType<RescheduleOutcome.PolicyViolated>(await reschedule.RunAsync(To(booked, Monday10, world.Dora.Id), default)).Rule);
        Assert.Equal(BookingRule.OutsideHours,
            Assert.IsType<RescheduleOutcome.PolicyViolated>(await reschedule.RunAsync(To(booked, Monday10.AddMinutes(150), world.Berta.Id), default)).Rule);
        // Another company's staff member, or none at all.
        var bruno = await world.Database.For(world.B.Company.Id).Staff.Where(s => s.Name == "Bruno").Select(s => s.Id).SingleAsync();
        Assert.IsType<RescheduleOutcome.Rejected>(await reschedule.RunAsync(To(booked, Monday10, bruno), default));
        Assert.IsType<RescheduleOutcome.Rejected>(await reschedule.RunAsync(To(booked, Monday10, Guid.NewGuid()), default));

        await using var db = world.Database.For(world.A.Company.Id);
        var stored = await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == booked.Id);
        Assert.Equal((world.A.Staff.Id, Monday10), (stored.StaffId, stored.StartUtc));
        Assert.Equal(8, await db.SlotClaims.CountAsync(c => c.AppointmentId == booked.Id && c.StaffId == world.A.Staff.Id));
        Assert.DoesNotContain(await db.Outbox.Select(o => o.EventType).ToListAsync(), t => t == "AppointmentRescheduled");
    }

    protected async Task A_refusing_calendar_gets_staff_and_time_back_and_Cal_com_is_not_asked()
    {
        await using var world = await CreateAsync();
        await using (var engine = BookingEngine.For(world.Database, Clock, s => s.AddScoped<ICalendarProvider, RefusingCalendar>()))
        await using (var scope = engine.For(world.A.Company.Id))
        {
            var booked = Assert.IsType<BookingOutcome.Booked>(await scope.Get<Book>().RunAsync(At(world.A, world.A.Staff.Id, Monday10), default)).Appointment;
            Assert.IsType<RescheduleOutcome.SlotTaken>(await scope.Get<Reschedule>().RunAsync(To(booked, Monday10.AddHours(1), world.Berta.Id), default));
            await using var db = world.Database.For(world.A.Company.Id);
            var stored = await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == booked.Id);
            Assert.Equal((world.A.Staff.Id, Monday10), (stored.StaffId, stored.StartUtc));
            Assert.Equal(8, await db.SlotClaims.CountAsync(c => c.AppointmentId == booked.Id && c.StaffId == world.A.Staff.Id));
        }

        // Salon A's calendar becomes Cal.com: a change of staff is refused before anything is written or sent.
        await using (var db = world.Database.For(world.A.Company.Id))
            await db.CalComSettings.ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, true));
        await using (var engine = BookingEngine.For(world.Database, Clock))
        await using (var scope = engine.For(world.A.Company.Id))
        {
            var seeded = world.A.Appointment;
            Assert.IsType<RescheduleOutcome.StaffChangeUnsupported>(await scope.Get<Reschedule>().RunAsync(To(seeded, seeded.StartUtc, world.Berta.Id), default));
            await using var db = world.Database.For(world.A.Company.Id);
            Assert.Equal(world.A.Staff.Id, (await db.Appointments.AsNoTracking().SingleAsync(x => x.Id == seeded.Id)).StaffId);
        }
    }

    /// <summary>A company calendar that accepts bookings but refuses every move (as Cal.com does when the new time is taken there).</summary>
    private sealed class RefusingCalendar : ICalendarProvider
    {
        public Task<bool> ConfirmsBookingsAsync(CancellationToken ct) => Task.FromResult(false);
        public Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(Service service, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<BusyTime>>([]);
        public Task<CalendarAnswer> BookedAsync(Appointment appointment, CancellationToken ct) => Task.FromResult(CalendarAnswer.Done);
        public Task<CalendarAnswer> RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct) =>
            Task.FromResult<CalendarAnswer>(new CalendarAnswer.Refused("taken there", "Diese Zeit ist leider vergeben.", false));
        public Task<CalendarAnswer> CancelledAsync(Appointment appointment, CancellationToken ct) => Task.FromResult(CalendarAnswer.Done);
    }
}

public sealed class SqliteRescheduleToColleagueTests() : RescheduleToColleagueChecks(DatabaseProvider.Sqlite)
{
    [Fact]
    public Task Moves_to_a_colleague() => Moves_to_a_colleague_and_frees_the_old_members_time();

    [Fact]
    public Task Refuses_a_colleague_who_cannot_take_it() => A_colleague_who_cannot_take_it_changes_nothing();

    [Fact]
    public Task Calendar_refusal_and_Cal_com() => A_refusing_calendar_gets_staff_and_time_back_and_Cal_com_is_not_asked();
}

public sealed class PostgresRescheduleToColleagueTests() : RescheduleToColleagueChecks(DatabaseProvider.Postgres)
{
    [PostgresFact]
    public Task Moves_to_a_colleague() => Moves_to_a_colleague_and_frees_the_old_members_time();

    [PostgresFact]
    public Task Refuses_a_colleague_who_cannot_take_it() => A_colleague_who_cannot_take_it_changes_nothing();
}
