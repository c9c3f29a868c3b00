using AskPro.Core.Events;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.Events.Subscribers;

/// <summary>Tells the open calendars of a company that its appointments changed (a caller
/// booked, the API moved one …), so they redraw without a reload.</summary>
public sealed class CalendarFeed(CalendarChanges changes, ITenantContext tenant) :
    IEventSubscriber<AppointmentBooked>, IEventSubscriber<AppointmentRescheduled>, IEventSubscriber<AppointmentCancelled>, IEventSubscriber<AppointmentStatusChanged>
{
    public Task HandleAsync(AppointmentBooked e, CancellationToken ct) => Tell(e.StaffId);
    public async Task HandleAsync(AppointmentRescheduled e, CancellationToken ct)
    {
        // Handed to a colleague: both columns changed.
        if (e.PreviousStaffId is { } previous && previous != e.StaffId) await Tell(previous);
        await Tell(e.StaffId);
    }
    public Task HandleAsync(AppointmentCancelled e, CancellationToken ct) => Tell(e.StaffId);
    public Task HandleAsync(AppointmentStatusChanged e, CancellationToken ct) => Tell(e.StaffId);

    private Task Tell(Guid staffId)
    {
        changes.Publish(tenant.RequireTenant(), staffId);
        return Task.CompletedTask;
    }
}

/// <summary>In-process news of appointment changes per company, for the calendars open on this
/// node. The outbox delivers each event once, on one node: with several nodes, the other nodes'
/// calendars learn of it only when this is carried over Redis (not yet; they see it on their
/// next load).</summary>
public sealed class CalendarChanges
{
    public event Action<TenantId, Guid>? Changed;

    public void Publish(TenantId company, Guid staffId) => Changed?.Invoke(company, staffId);
}
