using System.Text.Json;
using AskPro.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Events;

/// <summary>A subscriber of one kind of event. It runs in the event's tenant scope on the
/// dispatcher's own DbContext and does not save: what it adds or changes in the database is
/// saved in the same transaction that marks its delivery done, so a database effect happens
/// exactly once even across a crash. A subscriber with effects outside the database gets the
/// event again after a crash between its effect and that commit: it must be idempotent
/// (<see cref="DomainEvent.EventId"/> is the key to use).</summary>
public interface IEventSubscriber<in TEvent> where TEvent : DomainEvent
{
    Task HandleAsync(TEvent @event, CancellationToken ct);
}

/// <summary>Who subscribes to what, known at start-up. Adding a subscriber is one class and one
/// line: <c>services.AddEventSubscriber&lt;MySubscriber&gt;()</c>.</summary>
public sealed class EventSubscribers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Type> _eventTypes = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract).ToDictionary(t => t.Name);
    private readonly Dictionary<Type, List<(string Name, Type Subscriber)>> _byEvent = [];

    internal void Add(Type subscriber)
    {
        foreach (var handled in subscriber.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEventSubscriber<>)))
        {
            var eventType = handled.GetGenericArguments()[0];
            if (!_byEvent.TryGetValue(eventType, out var list)) _byEvent[eventType] = list = [];
            list.Add((subscriber.Name, subscriber));
        }
    }

    /// <summary>The names of the subscribers of this event's type (one outbox row each).</summary>
    public IEnumerable<string> Of(DomainEvent @event) => _byEvent.GetValueOrDefault(@event.GetType())?.Select(s => s.Name) ?? [];

    public DomainEvent Read(string eventType, string payload) =>
        _eventTypes.TryGetValue(eventType, out var type)
            ? (DomainEvent)JsonSerializer.Deserialize(payload, type, Json)!
            : throw new Core.Webhooks.DeadLetterException($"Unknown event type '{eventType}'.");

    /// <summary>Delivers the event to the named subscriber, resolved from the dispatcher's scope.</summary>
    public Task DeliverAsync(IServiceProvider services, string subscriber, DomainEvent @event, CancellationToken ct)
    {
        var match = _byEvent.GetValueOrDefault(@event.GetType())?.FirstOrDefault(s => s.Name == subscriber)
            ?? throw new Core.Webhooks.DeadLetterException($"No subscriber '{subscriber}' for {@event.GetType().Name}.");
        var handler = services.GetRequiredService(match.Subscriber);
        return (Task)typeof(IEventSubscriber<>).MakeGenericType(@event.GetType())
            .GetMethod(nameof(IEventSubscriber<DomainEvent>.HandleAsync))!
            .Invoke(handler, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [@event, ct], null)!;
    }
}

public static class EventSubscriberRegistration
{
    /// <summary>Registers a subscriber for every <see cref="IEventSubscriber{TEvent}"/> it implements.</summary>
    public static IServiceCollection AddEventSubscriber<TSubscriber>(this IServiceCollection services) where TSubscriber : class
    {
        var registry = (EventSubscribers?)services.FirstOrDefault(d => d.ServiceType == typeof(EventSubscribers))?.ImplementationInstance;
        if (registry is null)
        {
            registry = new EventSubscribers();
            services.AddSingleton(registry);
        }
        registry.Add(typeof(TSubscriber));
        services.AddScoped<TSubscriber>();
        return services;
    }
}
