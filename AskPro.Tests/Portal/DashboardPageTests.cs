using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Dashboard;
using Bunit;

namespace AskPro.Tests.Portal;

/// <summary>The dashboard rendered as a component over a real SQLite database holding two
/// look-alike salons: it counts and lists only the signed-in company's appointments.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Fact]
    public void Shows_todays_appointment_of_the_signed_in_company_only()
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<DashboardPage>();

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
        var page = _portal.Context.Render<DashboardPage>();
        Assert.Empty(page.FindAll("[data-testid=count-today]"));
        Assert.NotNull(page.Find(".rz-alert"));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
