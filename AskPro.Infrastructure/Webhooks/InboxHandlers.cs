using AskPro.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Which handler applies an inbox item, by (provider, event type), known at start-up.
/// An event type of a known provider without a handler is kept on record with no effect
/// (transcript_updated, BOOKING_REQUESTED …); an unknown provider is a dead letter.</summary>
public sealed class InboxHandlers
{
    private readonly Dictionary<(string Provider, string EventType), Func<IServiceProvider, InboxItem, CancellationToken, Task>> _handlers = [];

    internal void Add(string provider, string eventType, Func<IServiceProvider, InboxItem, CancellationToken, Task> apply)
    {
        if (!_handlers.TryAdd((provider, eventType), apply)) throw new InvalidOperationException($"Two inbox handlers for {provider} {eventType}.");
    }

    public Task ApplyAsync(IServiceProvider services, InboxItem item, CancellationToken ct)
    {
        if (_handlers.TryGetValue((item.Provider, item.EventType), out var apply)) return apply(services, item, ct);
        if (_handlers.Keys.Any(k => k.Provider == item.Provider)) return Task.CompletedTask;
        throw new DeadLetterException($"No handler for provider '{item.Provider}'.");
    }
}

public static class InboxHandlerRegistration
{
    /// <summary>Routes (provider, each of <paramref name="eventTypes"/>) to <paramref name="apply"/>
    /// on a <typeparamref name="THandler"/> from the worker's scope: one line per event.</summary>
    public static IServiceCollection AddInboxHandler<THandler>(this IServiceCollection services, string provider, string[] eventTypes,
        Func<THandler, InboxItem, CancellationToken, Task> apply) where THandler : class
    {
        var registry = (InboxHandlers?)services.FirstOrDefault(d => d.ServiceType == typeof(InboxHandlers))?.ImplementationInstance;
        if (registry is null)
        {
            registry = new InboxHandlers();
            services.AddSingleton(registry);
        }
        foreach (var eventType in eventTypes)
            registry.Add(provider, eventType, (sp, item, ct) => apply(sp.GetRequiredService<THandler>(), item, ct));
        if (!services.Any(d => d.ServiceType == typeof(THandler))) services.AddScoped<THandler>();
        return services;
    }
}
