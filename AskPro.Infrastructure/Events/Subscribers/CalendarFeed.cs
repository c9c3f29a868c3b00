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

/// <summary>News of appointment changes per company, for the calendars open on any node: the
/// outbox delivers each event once, on one node, and the <see cref="Caching.INodeChannel"/>
/// carries it to the others. News missed while Redis was away is not repeated: those calendars
/// show the change on their next load.</summary>
public sealed class CalendarChanges
{
    private const string Topic = "calendar";
    private readonly Caching.INodeChannel _channel;

    public CalendarChanges(Caching.INodeChannel channel)
    {
        _channel = channel;
        channel.Subscribe(Topic, Received, () => { });
    }

    public event Action<TenantId, Guid>? Changed;

    public void Publish(TenantId company, Guid staffId) => _channel.Publish(Topic, $"{company.Value:N}:{staffId:N}");

    private void Received(string message)
    {
        var parts = message.Split(':');
        if (parts.Length == 2 && Guid.TryParse(parts[0], out var company) && Guid.TryParse(parts[1], out var staff))
            Changed?.Invoke(TenantId.From(company), staff);
    }
}
