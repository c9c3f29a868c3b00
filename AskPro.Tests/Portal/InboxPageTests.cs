using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Operations;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Portal;

public sealed class InboxPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();
    private Guid _deadOfA;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        await using var db = _portal.Database.Platform();
        InboxItem Item(string key, Guid? company) => new()
        {
            Provider = "retell", EventKey = key, EventType = "call_ended", Status = InboxStatus.Dead, Attempts = 8, CompanyId = company,
            Payload = "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"" + key + "\",\"from_number\":\"+4915112345678\",\"transcript\":\"Agent: Hallo Lena\"}}",
            ReceivedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow, LastError = "handler failed",
        };
        var a = Item("call_a_dead", _portal.SalonA.Company.Id);
        _deadOfA = a.Id;
        var companyB = await db.Companies.Where(c => c.Id != _portal.SalonA.Company.Id).Select(c => c.Id).SingleAsync();
        db.Inbox.AddRange(a, Item("call_b_dead", companyB), Item("call_nobody", null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_company_admin_sees_only_its_own_dead_letters_and_replays_one_with_an_audit_entry()
    {
        _portal.Context.AddAuthorization().SetAuthorized("admin-a").SetRoles("CompanyAdmin");
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<InboxPage>();

        page.WaitForAssertion(() => Assert.Contains("Dead: 1", page.Find("[data-testid=inbox-count-Dead]").TextContent));
        page.Find("[data-testid=inbox-replay]").Click();

        await using var db = _portal.Database.Platform();
        page.WaitForAssertion(() => Assert.Equal(InboxStatus.Pending, db.Inbox.AsNoTracking().Single(i => i.Id == _deadOfA).Status));
        Assert.Equal(0, db.Inbox.AsNoTracking().Single(i => i.Id == _deadOfA).Attempts);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "inbox.replay" && e.EntityId == _deadOfA.ToString()));
        Assert.Equal(2, await db.Inbox.CountAsync(i => i.Status == InboxStatus.Dead)); // the others are untouched
    }

    [Fact]
    public async Task Items_are_filtered_by_the_day_they_arrived()
    {
        await using (var db = _portal.Database.Platform())
        {
            var old = await db.Inbox.SingleAsync(i => i.EventKey == "call_a_dead");
            old.ReceivedAt = new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc); // 20 Nov in UTC, 21 Nov 00:30 in Berlin
            await db.SaveChangesAsync();
        }
        _portal.Context.AddAuthorization().SetAuthorized("root").SetRoles("PlatformAdmin");
        var page = _portal.Context.Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=inbox-grid] tbody tr").Count));

        page.Find("[data-testid=inbox-from] input").Change("21.11.2026");
        page.Find("[data-testid=inbox-to] input").Change("21.11.2026");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-grid] tbody tr")));
        Assert.Contains("21.11.2026 00:30:00", page.Find("[data-testid=inbox-grid]").TextContent);
    }

    [Fact]
    public void Payloads_are_shown_with_personal_data_masked()
    {
        var masked = PayloadMasker.Mask("{\"event\":\"call_ended\",\"call\":{\"call_id\":\"c1\",\"to_number\":\"+493055501000\",\"from_number\":\"+4915112345678\",\"transcript\":\"Agent: Hallo Lena\",\"call_analysis\":{\"call_summary\":\"Lena bucht\"},\"attendees\":[{\"name\":\"Lena\",\"email\":\"lena@example.org\"}]}}");
        Assert.Contains("c1", masked);
        Assert.Contains("+493055501000", masked);
        Assert.DoesNotContain("+4915112345678", masked);
        Assert.DoesNotContain("Lena", masked);
        Assert.DoesNotContain("lena@example.org", masked);
        Assert.Equal("(not JSON)", PayloadMasker.Mask("<xml/>"));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
