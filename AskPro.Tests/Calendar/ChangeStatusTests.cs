using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Calendar;

/// <summary>Recording how an appointment went (the calendar's "erledigt" / "nicht erschienen"):
/// only once it has begun, through the engine, with its event; a no-show frees the time.</summary>
public sealed class ChangeStatusTests
{
    [Fact]
    public async Task A_no_show_is_recorded_once_it_began_and_frees_the_staff_members_time()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        var appointment = world.A.Appointment; // Monday 23 November, 10:00 in Berlin; "now" is 08:00
        ChangeStatusRequest As(AppointmentStatus status) => new(appointment.Id, status, AppointmentSource.Portal, "admin-a");

        var early = await world.Get<ChangeStatus>().RunAsync(As(AppointmentStatus.NoShow), default);
        Assert.Equal("Der Termin hat noch nicht begonnen.", Assert.IsType<ChangeStatusOutcome.Rejected>(early).Reason);
        Assert.IsType<ChangeStatusOutcome.Rejected>(await world.Get<ChangeStatus>().RunAsync(As(AppointmentStatus.Cancelled), default));

        world.Clock.Now = world.Clock.Now.AddHours(3);
        var changed = await world.Get<ChangeStatus>().RunAsync(As(AppointmentStatus.NoShow), default);
        Assert.Equal(AppointmentStatus.NoShow, Assert.IsType<ChangeStatusOutcome.Changed>(changed).Appointment.Status);
        Assert.IsType<ChangeStatusOutcome.NotFound>(await world.Get<ChangeStatus>().RunAsync(As(AppointmentStatus.Completed) with { AppointmentId = world.B.Appointment.Id }, default));

        await using var db = world.Database.For(world.A.Company.Id);
        Assert.Equal(AppointmentStatus.NoShow, (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id)).Status);
        Assert.Empty(await db.SlotClaims.Where(c => c.AppointmentId == appointment.Id).ToListAsync());
        Assert.Contains(await db.Outbox.Select(o => o.EventType).ToListAsync(), t => t == "AppointmentStatusChanged");
        await using var other = world.Database.For(world.B.Company.Id);
        Assert.Equal(AppointmentStatus.Scheduled, (await other.Appointments.AsNoTracking().SingleAsync()).Status);
        Assert.NotEmpty(await other.SlotClaims.ToListAsync());
    }
}
