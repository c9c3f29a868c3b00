using System.Text.Json;
using AskPro.Core.Events;
using AskPro.Infrastructure.Persistence;

namespace AskPro.Infrastructure.Events;

/// <summary>Writes a domain event into the outbox of the context it is given, one row per
/// subscriber, to be saved by the caller's own SaveChanges: the event exists exactly when the
/// change it reports does.</summary>
public sealed class Outbox(EventSubscribers subscribers)
{
    public void Add(AskProDbContext db, DomainEvent @event)
    {
        var company = db.TenantContext.RequireTenant().Value;
        var payload = JsonSerializer.Serialize(@event, @event.GetType(), EventSubscribers.Json);
        foreach (var subscriber in subscribers.Of(@event))
            db.Outbox.Add(new OutboxMessage
            {
                EventId = @event.EventId, CompanyId = company, EventType = @event.GetType().Name, Subscriber = subscriber,
                Payload = payload, CreatedAt = @event.OccurredAtUtc, NextAttemptAt = @event.OccurredAtUtc,
            });
    }
}
