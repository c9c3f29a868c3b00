using AskPro.Core.Telephony;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Calls;
using Bunit;

namespace AskPro.Tests.Portal;

public sealed class CallDetailPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Fact]
    public async Task A_calls_page_shows_each_function_the_agent_called_with_masked_arguments()
    {
        await using (var db = _portal.Database.For(_portal.SalonA.Company.Id))
        {
            db.FunctionInvocations.Add(new FunctionInvocation
            {
                CallId = _portal.SalonA.Call.Id, Name = "book_appointment", ArgumentsMasked = "{\"name\":\"L********\"}",
                Status = "booked", Success = true, Message = "Ihr Termin ist gebucht.", DurationMs = 12, At = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        _portal.SignInAsSalonA();

        var page = _portal.Context.Render<CallDetailPage>(p => p.Add(x => x.Id, _portal.SalonA.Call.Id));

        page.WaitForAssertion(() => Assert.Contains("book_appointment", page.Find("[data-testid=invocations-grid]").TextContent));
        Assert.Contains("L********", page.Markup);
        Assert.DoesNotContain("Lena", page.Find("[data-testid=invocations-grid]").TextContent);
        Assert.Contains("01511 2345678", page.Markup); // the caller in national format, as Google formats it
    }

    [Fact]
    public void Another_companys_call_is_not_found()
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<CallDetailPage>(p => p.Add(x => x.Id, Guid.NewGuid()));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=call-missing]")));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
