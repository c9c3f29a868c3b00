using AskPro.Core.Events;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;

namespace AskPro.Infrastructure.Events.Subscribers;

/// <summary>Every booking change and new customer becomes an audit entry ("who did what"),
/// whichever channel made it. Saved with the delivery: one entry per event.</summary>
public sealed class AuditTrail(AskProDbContext db) :
    IEventSubscriber<AppointmentBooked>, IEventSubscriber<AppointmentRescheduled>, IEventSubscriber<AppointmentCancelled>,
    IEventSubscriber<AppointmentStatusChanged>, IEventSubscriber<CustomerRegistered>
{
    public Task HandleAsync(AppointmentBooked e, CancellationToken ct) =>
        Write(e, "appointment.book", "Appointment", e.AppointmentId, $"{e.StartUtc:O} via {e.Source}");

    public Task HandleAsync(AppointmentRescheduled e, CancellationToken ct) =>
        Write(e, "appointment.reschedule", "Appointment", e.AppointmentId, $"{e.PreviousStartUtc:O} → {e.StartUtc:O} via {e.Source}"
            + (e.PreviousStaffId is { } previous ? $", staff {previous} → {e.StaffId}" : ""));

    public Task HandleAsync(AppointmentCancelled e, CancellationToken ct) =>
        Write(e, "appointment.cancel", "Appointment", e.AppointmentId, $"{e.StartUtc:O} via {e.Source}");

    public Task HandleAsync(AppointmentStatusChanged e, CancellationToken ct) =>
        Write(e, "appointment.status", "Appointment", e.AppointmentId, $"{e.Status} via {e.Source}");

    public Task HandleAsync(CustomerRegistered e, CancellationToken ct) =>
        Write(e, "customer.register", "Customer", e.CustomerId, "");

    private Task Write(DomainEvent e, string action, string entityType, Guid entityId, string details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Actor = string.IsNullOrEmpty(e.Actor) ? "system" : e.Actor, Action = action, EntityType = entityType,
            EntityId = entityId.ToString(), Details = details, At = e.OccurredAtUtc,
        });
        return Task.CompletedTask;
    }
}
