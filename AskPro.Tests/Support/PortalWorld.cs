using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Infrastructure.Security;
using AskPro.Infrastructure.Booking;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskPro.Tests.Support;

/// <summary>The portal's query services and commands wired as the app wires them, over a real
/// database (SQLite or PostgreSQL) holding two look-alike salons. Signed in as salon A.</summary>
public sealed class PortalWorld : IAsyncDisposable
{
    private ServiceProvider _root = null!;
    private AsyncServiceScope _scope;

    public TestDatabase Database { get; private set; } = null!;
    public SalonData A { get; private set; } = null!;
    public SalonData B { get; private set; } = null!;

    /// <summary>"Now": Monday 23 November 2026, 08:00 in Berlin.</summary>
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<PortalWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new PortalWorld { Database = await TestDatabase.CreateAsync(provider) };
        (world.A, world.B) = await TenantWorld.CreateAsync(world.Database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = world.Database.ConnectionString,
            ["Outbox:DispatcherEnabled"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddAskProPersistence(configuration);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAskProCaching(configuration, services.AddHealthChecks());
        services.AddAskProDataProtection(configuration); // the booking engine decrypts a company's Cal.com key
        services.AddAskProBooking(configuration);
        services.AddAskProEvents(configuration);
        services.AddAskProPortal();
        services.AddScoped<AskPro.Infrastructure.Webhooks.InboxReplay>();
        services.AddSingleton<TimeProvider>(world.Clock);
        world._root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        world._scope = world._root.CreateAsyncScope();
        world.Get<TenantContext>().UseTenant(TenantId.From(world.A.Company.Id));
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
        await Database.DisposeAsync();
    }
}
