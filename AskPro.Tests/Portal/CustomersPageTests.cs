using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Customers;
using Bunit;

namespace AskPro.Tests.Portal;

/// <summary>The customer list finds a customer by any spelling of the number and shows it in
/// national format with its line type; only the signed-in company's customers.</summary>
public sealed class CustomersPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        await using var db = _portal.Database.For(_portal.SalonA.Company.Id);
        db.Customers.Add(new Customer { Name = "Jonas Becker", Phone = E164Number.Parse("0171 1234567") });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("0171 1234567")]
    [InlineData("+49 171 1234567")]
    [InlineData("0049-171-1234567")]
    [InlineData("(0171) 123 45 67")]
    public void Any_spelling_of_the_number_finds_the_same_customer(string spelling)
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=phone]").Count));

        page.Find("[data-testid=customer-search]").Change(spelling);
        page.Find("[data-testid=customer-find]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=phone]")));
        Assert.Equal("0171 1234567", page.Find("[data-testid=phone]").TextContent);
        Assert.Contains("Jonas Becker", page.Find("[data-testid=customers-grid]").TextContent);
        Assert.Contains("Mobil", page.Find("[data-testid=customers-grid]").TextContent);
    }

    [Fact]
    public async Task A_number_typed_in_the_portal_is_stored_only_as_E164()
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<CustomersPage>();
        page.Find("[data-testid=new-name]").Change("Mia Schulz");
        page.Find("[data-testid=new-phone]").Change("(0176) 123 456 78");
        page.Find("[data-testid=new-email]").Change("mia@example.org");
        page.Find("[data-testid=new-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Mia Schulz", page.Find("[data-testid=new-message]").TextContent));

        await using var db = _portal.Database.For(_portal.SalonA.Company.Id);
        var stored = db.Customers.Single(c => c.Name == "Mia Schulz");
        Assert.Equal("+4917612345678", stored.Phone!.Value);

        // The same number in another spelling is refused as a duplicate; junk is refused too.
        page.Find("[data-testid=new-name]").Change("Mia Doppelt");
        page.Find("[data-testid=new-phone]").Change("+49 176 12345678");
        page.Find("[data-testid=new-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("schon", page.Find("[data-testid=new-message]").TextContent));
        page.Find("[data-testid=new-phone]").Change("0176 1234<script>");
        page.Find("[data-testid=new-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("keine gültige Telefonnummer", page.Find("[data-testid=new-message]").TextContent));
        Assert.Equal(1, db.Customers.Count(c => c.Name.StartsWith("Mia")));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
