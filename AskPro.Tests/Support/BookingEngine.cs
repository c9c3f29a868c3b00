using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Booking;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Support;

/// <summary>The booking engine as the app composes it (persistence, cache, booking, events),
/// on a test database, without the web host: for use-case tests against real SQLite/PostgreSQL.
/// Two engines on one database are two nodes with their own in-memory caches.</summary>
public sealed class BookingEngine : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BookingEngine(ServiceProvider provider) => _provider = provider;

    public static BookingEngine For(TestDatabase database, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(), ["Database:ConnectionString"] = database.ConnectionString,
            ["Outbox:DispatcherEnabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAskProPersistence(configuration);
        services.AddAskProCaching(configuration, services.AddHealthChecks());
        services.AddAskProDataProtection(configuration);
        services.AddAskProBooking(configuration);
        services.AddAskProEvents(configuration);
        if (clock is not null) services.AddSingleton(clock);
        configure?.Invoke(services);
        return new BookingEngine(services.BuildServiceProvider());
    }

    /// <summary>A unit of work in the company's tenant scope.</summary>
    public AsyncServiceScope For(Guid companyId)
    {
        var scope = _provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(companyId));
        return scope;
    }

    public IServiceProvider Services => _provider;

    /// <summary>The engine's outbox dispatcher (not running by itself: tests drive it).</summary>
    public OutboxDispatcher Dispatcher => _provider.GetRequiredService<OutboxDispatcher>();

    /// <summary>One of the engine's singletons (e.g. a worker the test drives).</summary>
    public T Service<T>() where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

public static class ScopeExtensions
{
    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
}
