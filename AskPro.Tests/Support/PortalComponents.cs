using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace AskPro.Tests.Support;

/// <summary>bUnit context for portal pages over a real SQLite database with two look-alike
/// salons; the signed-in company is salon A.</summary>
public sealed class PortalComponents : IAsyncLifetime
{
    public BunitContext Context { get; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public SalonData SalonA { get; private set; } = null!;

    /// <summary>"Now" for the pages: Monday 23 November 2026, 08:00 in Berlin.</summary>
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (SalonA, _) = await TenantWorld.CreateAsync(Database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = Database.ConnectionString,
        }).Build();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddAskProPersistence(configuration);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddScoped<AskPro.Infrastructure.Webhooks.InboxReplay>();
        Context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Context.Services.AddRadzenComponents();
    }

    public void SignInAsSalonA() =>
        Context.Services.GetRequiredService<TenantContext>().UseTenant(TenantId.From(SalonA.Company.Id));

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
