using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Appointments;
using Bunit;

namespace AskPro.Tests.Portal;

public sealed class AppointmentsPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Fact]
    public void The_grid_shows_the_companys_appointments_in_branch_time()
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<AppointmentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=start]")), TimeSpan.FromSeconds(5));
        Assert.Contains("23.11.2026 10:00", page.Find("[data-testid=start]").TextContent);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
