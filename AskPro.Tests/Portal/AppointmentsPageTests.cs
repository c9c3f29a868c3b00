using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Appointments;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace AskPro.Tests.Portal;

public sealed class AppointmentsPageTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private SalonData _salonA = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_salonA, _) = await TenantWorld.CreateAsync(_database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = _database.ConnectionString,
        }).Build();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddAskProPersistence(configuration);
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _context.Services.AddRadzenComponents();
    }

    [Fact]
    public void The_grid_shows_the_companys_appointments_in_branch_time()
    {
        _context.Services.GetRequiredService<TenantContext>().UseTenant(TenantId.From(_salonA.Company.Id));
        var page = _context.Render<AppointmentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=start]")), TimeSpan.FromSeconds(5));
        Assert.Contains("23.11.2026 10:00", page.Find("[data-testid=start]").TextContent);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }
}
