using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Portal;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Operations;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Portal;

public sealed class InboxPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();
    private readonly FakeInbox _inbox = new();
    private readonly FakeOutbox _outbox = new();
    private readonly TenantId _company = TenantId.From(Guid.NewGuid());

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var services = _portal.Context.Services;
        services.AddLogging();
        services.AddSingleton<IInboxQueries>(_inbox);
        services.AddSingleton<IOutboxQueries>(_outbox);
        services.AddScoped<PlatformScope>();
        services.AddScoped<DeadLetterReplay>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp =>
        {
            var tenant = sp.GetRequiredService<TenantContext>();
            tenant.UseTenant(_company);
            return tenant;
        });
    }

    [Fact]
    public void A_company_admin_asks_for_its_own_items_and_sees_the_counts_in_German()
    {
        _portal.Context.AddAuthorization().SetAuthorized("admin-a").SetRoles("CompanyAdmin");
        var page = _portal.Render<InboxPage>();

        page.WaitForAssertion(() => Assert.True(_company == _inbox.Last?.Company, page.Markup), TimeSpan.FromSeconds(3));
        page.WaitForAssertion(() => Assert.Contains("Unzustellbar: 1", page.Find("[data-testid=inbox-count-Dead]").TextContent));
        Assert.Single(page.FindAll("[data-testid=inbox-replay]"));
        Assert.Contains("Unzustellbar", page.Find("[data-testid=inbox-grid]").TextContent);
    }

    [Fact]
    public void The_outbox_section_shows_pending_and_dead_deliveries_and_offers_a_replay_only_for_the_dead()
    {
        _portal.Context.AddAuthorization().SetAuthorized("admin-a").SetRoles("CompanyAdmin");
        var page = _portal.Render<InboxPage>();

        page.WaitForAssertion(() => Assert.Contains("Unzustellbar: 1", page.Find("[data-testid=outbox-count-Dead]").TextContent));
        Assert.Equal(_company, _outbox.Asked);
        Assert.Contains(": 3", page.Find("[data-testid=outbox-count-Pending]").TextContent);
        var rows = page.FindAll("[data-testid=outbox-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Notifications", rows[0].TextContent);
        Assert.Contains("the gateway is down", rows[0].TextContent);
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=outbox-replay]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=outbox-replay]")); // failed, still retried by itself
    }

    [Fact]
    public async Task Platform_staff_ask_for_every_company_and_filter_by_day_as_typed_in_German()
    {
        _portal.Context.AddAuthorization().SetAuthorized("root").SetRoles("PlatformAdmin");
        var page = _portal.Render<InboxPage>();
        page.WaitForAssertion(() => Assert.NotNull(_inbox.Last));
        Assert.Null(_inbox.Last!.Company);

        await page.Find("input[data-testid=inbox-from]").ChangeAsync(new() { Value = "21.11.2026" });
        page.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 11, 21), _inbox.Last!.From));
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

    private sealed class FakeOutbox : IOutboxQueries
    {
        public TenantId? Asked { get; private set; }

        public Task<OutboxSummary> SummaryAsync(TenantId? company, CancellationToken ct)
        {
            Asked = company;
            var at = new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc);
            return Task.FromResult(new OutboxSummary(
                new Dictionary<InboxStatus, int> { [InboxStatus.Pending] = 3, [InboxStatus.Failed] = 1, [InboxStatus.Dead] = 1 },
                [
                    new OutboxRow(Guid.NewGuid(), "AppointmentBooked", "Notifications", InboxStatus.Dead, 8, at, "HttpRequestException: the gateway is down"),
                    new OutboxRow(Guid.NewGuid(), "AppointmentBooked", "AuditTrail", InboxStatus.Failed, 2, at, "TimeoutException"),
                ]));
        }
    }

    private sealed class FakeInbox : IInboxQueries
    {
        public InboxQuery? Last { get; private set; }

        public Task<InboxView> PageAsync(InboxQuery query, CancellationToken ct)
        {
            Last = query;
            var row = new InboxRow(Guid.NewGuid(), new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc), "retell", "call_ended", InboxStatus.Dead, 8, "handler failed");
            var counts = Enum.GetValues<InboxStatus>().ToDictionary(s => s, s => s == InboxStatus.Dead ? 1 : 0);
            return Task.FromResult(new InboxView(new PageOf<InboxRow>([row], 1), counts, "Europe/Berlin"));
        }

        public Task<string?> MaskedPayloadAsync(Guid id, TenantId? company, CancellationToken ct) => Task.FromResult<string?>("{}");
    }
}
