using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Dashboard;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace AskPro.Tests.Portal;

/// <summary>The dashboard rendered as a component over a real SQLite database holding two
/// look-alike salons: it counts and lists only the signed-in company's appointments.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
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
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero))); // Monday 08:00 Berlin
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _context.Services.AddRadzenComponents();
    }

    [Fact]
    public void Shows_todays_appointment_of_the_signed_in_company_only()
    {
        _context.Services.GetRequiredService<TenantContext>().UseTenant(TenantId.From(_salonA.Company.Id));

        var page = _context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-today]").TextContent.Trim()));
        Assert.Equal("1", page.Find("[data-testid=count-week]").TextContent.Trim());
        Assert.Equal("1", page.Find("[data-testid=count-customers]").TextContent.Trim());
        var item = Assert.Single(page.FindAll("[data-testid=today-list] [data-testid=appointment]"));
        Assert.Contains("10:00", item.TextContent); // 09:00 UTC shown as Berlin time
        Assert.Contains("Lena Müller", item.TextContent);
    }

    [Fact]
    public void Without_a_company_it_asks_to_choose_one_and_reads_nothing()
    {
        var page = _context.Render<DashboardPage>();
        Assert.Empty(page.FindAll("[data-testid=count-today]"));
        Assert.NotNull(page.Find(".rz-alert"));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }
}
