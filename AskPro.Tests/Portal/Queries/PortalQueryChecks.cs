using AskPro.Core.Access.CreateApiKey;
using AskPro.Core.Access.RevokeApiKey;
using AskPro.Core.Customers;
using AskPro.Core.Customers.AddCustomer;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Portal.Queries;

/// <summary>What the portal's read models and commands promise, on whichever database the
/// test class gives. Signed in as salon A; salon B has look-alike rows that must never show.</summary>
public static class PortalQueryChecks
{
    private static readonly PageRequest FirstPage = new(0, 20);

    public static async Task Appointments_are_the_companys_own_filtered_sorted_and_paged_in_SQL(PortalWorld world)
    {
        await using (var db = world.Database.For(world.A.Company.Id))
        {
            var other = new Customer { Name = "Zoe Zander", CreatedAt = world.Clock.Now.UtcDateTime };
            db.Customers.Add(other);
            db.Appointments.Add(new Appointment
            {
                BranchId = world.A.Branch.Id, StaffId = world.A.Staff.Id, ServiceId = world.A.Service.Id, CustomerId = other.Id,
                StartUtc = TenantWorld.Monday10Utc.AddDays(1), EndUtc = TenantWorld.Monday10Utc.AddDays(1).AddMinutes(30), Source = AppointmentSource.Portal,
            });
            await db.SaveChangesAsync();
        }
        var queries = world.Get<IAppointmentQueries>();

        var all = await queries.PageAsync(new AppointmentQuery(FirstPage), default);
        Assert.Equal(2, all.Total);
        Assert.Equal(["Zoe Zander", "Lena Müller"], all.Items.Select(r => r.Customer)); // newest first
        Assert.All(all.Items, r => Assert.Equal(world.A.Branch.Name, r.Branch));

        var byName = await queries.PageAsync(new AppointmentQuery(FirstPage) { Sort = AppointmentSort.Customer, Descending = false }, default);
        Assert.Equal(["Lena Müller", "Zoe Zander"], byName.Items.Select(r => r.Customer));

        var filtered = await queries.PageAsync(new AppointmentQuery(FirstPage) { Customer = "LENA" }, default);
        Assert.Equal(world.A.Appointment.Id, Assert.Single(filtered.Items).Id);
        Assert.Equal(1, filtered.Total);
        Assert.Empty((await queries.PageAsync(new AppointmentQuery(FirstPage) { Customer = "100%_" }, default)).Items);
        Assert.Equal(2, (await queries.PageAsync(new AppointmentQuery(FirstPage) { Status = AppointmentStatus.Scheduled }, default)).Total);
        Assert.Empty((await queries.PageAsync(new AppointmentQuery(FirstPage) { Status = AppointmentStatus.Cancelled }, default)).Items);

        var second = await queries.PageAsync(new AppointmentQuery(new PageRequest(1, 1)), default);
        Assert.Equal("Lena Müller", Assert.Single(second.Items).Customer);
        Assert.Equal(2, second.Total);
    }

    public static async Task The_dashboard_counts_today_and_this_week_in_the_companys_zone(PortalWorld world)
    {
        var summary = await world.Get<IDashboardQueries>().SummaryAsync(default);
        Assert.Equal(1, summary.Today);
        Assert.Equal(1, summary.Week);
        Assert.Equal(1, summary.Customers); // B's look-alike customer is not counted
        Assert.Equal("Lena Müller", Assert.Single(summary.TodayList).Customer);
        Assert.Equal(world.A.Callback.Id, Assert.Single(summary.OpenCallbacks).Id);
        Assert.Equal(7, summary.WeekByDay.Count);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 23), 1), summary.WeekByDay[0]);
        Assert.All(summary.WeekByDay.Skip(1), d => Assert.Equal(0, d.Appointments));
    }

    public static async Task Calls_and_a_calls_detail_are_the_companys_own(PortalWorld world)
    {
        await using (var db = world.Database.For(world.A.Company.Id))
        {
            db.FunctionInvocations.Add(new FunctionInvocation
            {
                CallId = world.A.Call.Id, Name = "book_appointment", ArgumentsMasked = "{\"name\":\"L****\"}", Status = "booked",
                Message = "Gebucht.", DurationMs = 12, At = TenantWorld.Monday10Utc,
            });
            var call = await db.Calls.SingleAsync(c => c.Id == world.A.Call.Id);
            (call.AppointmentId, call.Status, call.Transcript) = (world.A.Appointment.Id, CallStatus.Ended, "Agent: Hallo\nUser: Termin bitte");
            await db.SaveChangesAsync();
        }
        var queries = world.Get<ICallQueries>();

        var page = await queries.PageAsync(new CallQuery(FirstPage), default);
        var row = Assert.Single(page.Items);
        Assert.Equal(world.A.Call.Id, row.Id);
        Assert.Equal(CallOutcome.Booked, row.Outcome);

        var detail = await queries.DetailAsync(world.A.Call.Id, default);
        Assert.NotNull(detail);
        Assert.Equal("Lena Müller", detail.CustomerName);
        Assert.Equal(world.A.Service.Name, detail.Appointment!.Service);
        Assert.Equal([Speaker.Agent, Speaker.Caller], detail.Transcript.Select(t => t.Speaker));
        // The world's own check_availability of this call, and the booking added above.
        Assert.Equal(["book_appointment", "check_availability"], detail.Functions.Select(f => f.Name).Order());

        Assert.Null(await queries.DetailAsync(world.B.Call.Id, default));
    }

    public static async Task Customers_are_found_by_any_spelling_of_the_number_or_by_name(PortalWorld world)
    {
        var queries = world.Get<ICustomerQueries>();
        foreach (var spelling in new[] { "015112345678", "+49 151 12345678", "0049-151-1234 5678" })
        {
            var found = await queries.PageAsync(new CustomerQuery(FirstPage) { Search = spelling }, default);
            Assert.Equal(world.A.Customer.Id, Assert.Single(found.Items).Id); // B has the same number: never shown
        }
        Assert.Equal(world.A.Customer.Id, Assert.Single((await queries.PageAsync(new CustomerQuery(FirstPage) { Search = "müller" }, default)).Items).Id);
        Assert.Empty((await queries.PageAsync(new CustomerQuery(FirstPage) { Search = "Nobody" }, default)).Items);
        Assert.Equal(1, (await queries.PageAsync(new CustomerQuery(FirstPage), default)).Total);
    }

    public static async Task The_inbox_shows_a_company_only_its_items_and_platform_staff_all(PortalWorld world)
    {
        InboxItem Item(string key, Guid? company, DateTime received) => new()
        {
            Provider = "retell", EventKey = key, EventType = "call_ended", Status = InboxStatus.Dead, CompanyId = company, ReceivedAt = received,
            NextAttemptAt = received, Payload = "{\"call\":{\"call_id\":\"" + key + "\",\"from_number\":\"+4915112345678\"}}",
        };
        var aLate = Item("a-late", world.A.Company.Id, new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc)); // 21 Nov 00:30 in Berlin
        var bItem = Item("b", world.B.Company.Id, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
        await using (var db = world.Database.Platform())
        {
            db.Inbox.AddRange(aLate, Item("a-early", world.A.Company.Id, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc)), bItem,
                Item("nobody", null, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }
        var inbox = world.Get<IInboxQueries>();
        var a = TenantId.From(world.A.Company.Id);

        var mine = await inbox.PageAsync(new InboxQuery(FirstPage, a), default);
        Assert.Equal(2, mine.Items.Total);
        Assert.Equal(2, mine.Counts[InboxStatus.Dead]);
        var day = await inbox.PageAsync(new InboxQuery(FirstPage, a) { From = new DateOnly(2026, 11, 21), To = new DateOnly(2026, 11, 21) }, default);
        Assert.Equal(aLate.Id, Assert.Single(day.Items.Items).Id);

        var everyone = await inbox.PageAsync(new InboxQuery(FirstPage, null), default);
        Assert.Equal(4, everyone.Items.Total);
        Assert.DoesNotContain(mine.Items.Items, i => i.Id == bItem.Id);
        Assert.Null(await inbox.MaskedPayloadAsync(bItem.Id, a, default));
        var masked = await inbox.MaskedPayloadAsync(aLate.Id, a, default);
        Assert.NotNull(masked);
        Assert.DoesNotContain("+4915112345678", masked);
        Assert.Equal(a, world.Get<ITenantContext>().Tenant); // the platform read did not change the caller's tenant
        Assert.False(world.Get<ITenantContext>().IsPlatformScope);

        var replay = world.Get<DeadLetterReplay>();
        Assert.False(await replay.ReplayAsync(bItem.Id, a, "admin-a", default)); // not A's to replay
        Assert.True(await replay.ReplayAsync(aLate.Id, a, "admin-a", default));
        Assert.False(world.Get<ITenantContext>().IsPlatformScope);
        await using var db2 = world.Database.Platform();
        Assert.Equal(InboxStatus.Pending, (await db2.Inbox.SingleAsync(i => i.Id == aLate.Id)).Status);
        Assert.Equal(InboxStatus.Dead, (await db2.Inbox.SingleAsync(i => i.Id == bItem.Id)).Status);
        Assert.Equal(1, await db2.AuditEntries.CountAsync(e => e.Action == "inbox.replay" && e.EntityId == aLate.Id.ToString()));
    }

    public static async Task The_company_profile_keys_and_numbers_are_the_companys_own(PortalWorld world)
    {
        var companies = world.Get<ICompanyQueries>();
        var profile = await companies.CurrentAsync(default);
        Assert.Equal(new CompanyProfile(world.A.Company.Id, world.A.Company.Name, "Europe/Berlin", "DE"), profile);
        Assert.Equal([world.A.Number.Number.Value], await companies.AgentNumbersAsync(default));
        Assert.Equal(2, (await companies.AllAsync(default)).Count); // platform list: both
        Assert.Equal(world.A.ApiKey.Id, Assert.Single(await world.Get<IApiKeyQueries>().ListAsync(default)).Id);
    }

    public static async Task Api_keys_are_created_and_revoked_with_audit_entries_and_never_across_companies(PortalWorld world)
    {
        var created = Assert.IsType<CreateApiKeyOutcome.Created>(await world.Get<CreateApiKey>().RunAsync("  Kasse  ", "admin-a", default));
        Assert.IsType<CreateApiKeyOutcome.InvalidName>(await world.Get<CreateApiKey>().RunAsync(" ", "admin-a", default));
        Assert.True(await world.Get<RevokeApiKey>().RunAsync(created.Id, "admin-a", default));
        Assert.False(await world.Get<RevokeApiKey>().RunAsync(created.Id, "admin-a", default)); // already revoked
        Assert.False(await world.Get<RevokeApiKey>().RunAsync(world.B.ApiKey.Id, "admin-a", default)); // another company's key

        await using var db = world.Database.Platform();
        var key = await db.ApiKeys.SingleAsync(k => k.Id == created.Id);
        Assert.Equal(("Kasse", world.A.Company.Id, ApiKeyHash(created.Secret)), (key.Name, key.CompanyId, key.Hash));
        Assert.NotNull(key.RevokedAt);
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == world.B.ApiKey.Id)).RevokedAt);
        var audit = await db.AuditEntries.Where(e => e.EntityId == created.Id.ToString()).OrderBy(e => e.Action).Select(e => new { e.Action, e.Actor, e.CompanyId }).ToListAsync();
        Assert.Equal([("api-key.create", "admin-a"), ("api-key.revoke", "admin-a")], audit.Select(e => (e.Action, e.Actor)));
        Assert.All(audit, e => Assert.Equal(world.A.Company.Id, e.CompanyId));
    }

    public static async Task A_customer_added_in_the_portal_is_audited_and_a_bad_one_changes_nothing(PortalWorld world)
    {
        var add = world.Get<AddCustomer>();
        var added = Assert.IsType<CustomerOutcome.Created>(await add.RunAsync(new CustomerContact("Mia Schulz", "(0176) 123 456 78", "mia@example.org"), "admin-a", default));
        var again = Assert.IsType<CustomerOutcome.Found>(await add.RunAsync(new CustomerContact("Mia Doppelt", "+49 176 12345678", null), "admin-a", default));
        Assert.Equal((added.Customer.Id, CustomerMatch.Phone), (again.Customer.Id, again.By));
        Assert.IsType<CustomerOutcome.Invalid>(await add.RunAsync(new CustomerContact("Mia Junk", "0176 1234<script>", null), "admin-a", default));

        await using var db = world.Database.For(world.A.Company.Id);
        Assert.Equal("+4917612345678", (await db.Customers.SingleAsync(c => c.Name.StartsWith("Mia"))).Phone!.Value);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "customer.create");
        Assert.Equal((added.Customer.Id.ToString(), "admin-a", world.A.Company.Id), (audit.EntityId, audit.Actor, audit.CompanyId));
    }

    public static async Task The_health_read_counts_every_companys_inbox_and_each_jobs_last_run(PortalWorld world)
    {
        await using (var db = world.Database.Platform())
        {
            var now = world.Clock.Now.UtcDateTime;
            db.Inbox.Add(new InboxItem { Provider = "retell", EventKey = "p", EventType = "call_ended", Payload = "{}", ReceivedAt = now.AddMinutes(-7), NextAttemptAt = now, CompanyId = world.B.Company.Id });
            db.JobRuns.AddRange(
                new JobRun { Job = "backup", StartedAt = now.AddDays(-1), Outcome = JobOutcome.Failed, Message = "disk full" },
                new JobRun { Job = "backup", StartedAt = now.AddHours(-1), Outcome = JobOutcome.Succeeded, Message = "ok" });
            await db.SaveChangesAsync();
        }
        var view = await world.Get<IOperationsQueries>().ReadAsync(default);
        Assert.Equal(1, view.Inbox.ByStatus[InboxStatus.Pending]);
        Assert.Equal(TimeSpan.FromMinutes(7), view.Inbox.OldestPending);
        Assert.Equal("ok", Assert.Single(view.LastRuns).Message);
    }

    private static string ApiKeyHash(string secret) => AskPro.Core.Access.ApiKey.HashOf(secret);
}
