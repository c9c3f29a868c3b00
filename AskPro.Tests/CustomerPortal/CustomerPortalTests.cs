using System.Net;
using AskPro.Core.Booking;
using AskPro.Core.CustomerPortal.RequestSignInLink;
using AskPro.Core.CustomerPortal.UpdateMyDetails;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.CustomerPortal;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.CustomerPortal;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskPro.Tests.CustomerPortal;

/// <summary>The customer portal against the real app (real SQLite, real HTTP, the engine), with
/// the app's clock in the test's hand: magic links, what a session sees, and the company's policy.</summary>
public sealed class CustomerPortalTests : IDisposable
{
    // A Monday morning, not on the full hour (no hourly job fires).
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 7, 10, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(Monday);
    private readonly AppHost _app;
    private readonly CustomerPortalWorld _world;

    public CustomerPortalTests()
    {
        _app = new AppHost([], _clock);
        _world = new CustomerPortalWorld(_app);
    }

    public void Dispose() => _app.Dispose();

    private static DateTime Thursday10 => new(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc); // 10:00 in Berlin

    [Fact]
    public async Task A_sign_in_link_works_once_and_opens_the_portal_on_the_appointment()
    {
        var mine = await _world.BookAsync(DemoData.Salon.TenantKey, "Paula Portal", "paula@example.org", "+4915170001001", Thursday10);
        var (outcome, link) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, " Paula@Example.org ", "paula@example.org", mine.Id);
        Assert.IsType<SignInLinkOutcome.Answered>(outcome);
        Assert.NotNull(link);

        using var first = _world.Browser();
        var answer = await first.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"/portal?company={DemoData.Salon.TenantKey}&appointment={mine.Id:N}", answer.Headers.Location!.ToString());
        Assert.Contains(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("askpro.customer=", StringComparison.Ordinal));

        using var second = _world.Browser();
        var again = await second.GetAsync(link);
        Assert.Equal($"/portal?company={DemoData.Salon.TenantKey}&link=invalid", again.Headers.Location!.ToString());
        Assert.False(again.Headers.Contains("Set-Cookie"));

        // Only the hash is stored: the token itself appears nowhere in the database.
        var token = Uri.UnescapeDataString(link!.Split("token=")[1]);
        Assert.False(await _app.ReadAsync(db => db.CustomerSignInLinks.AnyAsync(l => l.TokenHash == token)));
    }

    [Fact]
    public async Task A_sign_in_link_expires_after_15_minutes_and_works_only_for_its_company()
    {
        await _world.BookAsync(DemoData.Salon.TenantKey, "Emil Eile", "emil@example.org", "+4915170001002", Thursday10);
        var (_, late) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "emil@example.org", "emil@example.org");
        var (_, inTime) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "emil@example.org", "emil@example.org");
        var (_, foreign) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "emil@example.org", "emil@example.org");

        _clock.Now = Monday.AddMinutes(14);
        using var client = _world.Browser();
        Assert.DoesNotContain("link=invalid", (await client.GetAsync(inTime)).Headers.Location!.ToString());
        // The salon's link with the praxis's key: the praxis knows no such link.
        var praxis = foreign!.Replace("company=" + DemoData.Salon.TenantKey, "company=" + DemoData.Praxis.TenantKey);
        Assert.Equal($"/portal?company={DemoData.Praxis.TenantKey}&link=invalid", (await _world.Browser().GetAsync(praxis)).Headers.Location!.ToString());

        _clock.Now = Monday.AddMinutes(15).AddSeconds(1);
        Assert.Equal($"/portal?company={DemoData.Salon.TenantKey}&link=invalid", (await _world.Browser().GetAsync(late)).Headers.Location!.ToString());
        Assert.Equal($"/portal?company={DemoData.Salon.TenantKey}&link=invalid", (await _world.Browser().GetAsync(foreign)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Nobody_learns_whether_an_address_belongs_to_a_customer()
    {
        await _world.BookAsync(DemoData.Salon.TenantKey, "Karla Kundin", "karla@example.org", "+4915170001003", Thursday10);
        var linksBefore = await _app.ReadAsync(db => db.CustomerSignInLinks.CountAsync());

        var (known, knownLink) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "0151 700 010 03", "+4915170001003");
        var (unknown, unknownLink) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "niemand@example.org", "niemand@example.org");
        var (otherCompany, otherLink) = await _world.RequestLinkAsync(DemoData.Praxis.TenantKey, "karla@example.org", "karla@example.org");

        // The same answer for all three (the page words it the same); only the customer got a link, by SMS to the number typed.
        Assert.IsType<SignInLinkOutcome.Answered>(known);
        Assert.IsType<SignInLinkOutcome.Answered>(unknown);
        Assert.IsType<SignInLinkOutcome.Answered>(otherCompany);
        Assert.NotNull(knownLink);
        Assert.Null(unknownLink);
        Assert.Null(otherLink);
        Assert.Equal(linksBefore + 1, await _app.ReadAsync(db => db.CustomerSignInLinks.CountAsync()));
        var (notAnAddress, _) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "<script>alert(1)</script>", "x");
        Assert.IsType<SignInLinkOutcome.NotAnAddress>(notAnAddress);
    }

    [Fact]
    public async Task Another_persons_or_another_companys_appointment_is_not_found()
    {
        var mine = await _world.BookAsync(DemoData.Salon.TenantKey, "Olga Eigen", "olga@example.org", "+4915170001004", Thursday10);
        var neighbour = await _world.BookAsync(DemoData.Salon.TenantKey, "Nina Nachbar", "nina@example.org", "+4915170001005", Thursday10);
        var praxis = await _world.BookAsync(DemoData.Praxis.TenantKey, "Olga Eigen", "olga@example.org", "+4915170001004", Thursday10);
        var (_, link) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "olga@example.org", "olga@example.org");
        using var olga = await _world.SignedInAsync(link!);

        var ics = await olga.GetAsync($"/portal/appointments/{mine.Id:N}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.StartsWith("text/calendar", ics.Content.Headers.ContentType!.ToString());
        var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(AppointmentCalendarFile.Uid(mine.Id), entry.Uid);
        Assert.Equal(mine.StartUtc, entry.DtStart!.AsUtc);

        foreach (var other in new[] { neighbour.Id, praxis.Id, Guid.NewGuid() })
            Assert.Equal(HttpStatusCode.NotFound, (await olga.GetAsync($"/portal/appointments/{other:N}/calendar.ics")).StatusCode);
        // Nobody signed in, or a staff member signed in: no customer data through the portal.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.Browser().GetAsync($"/portal/appointments/{mine.Id:N}/calendar.ics")).StatusCode);
        using var staff = await PortalSession.SignInAsync(_app.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync($"/portal/my-data.json")).Status);

        var company = await _world.CompanyAsync(DemoData.Salon.TenantKey);
        var session = new CustomerSession(company, mine.CustomerId);
        Assert.IsType<PortalChange.NotFound>(await _world.Portal.CancelAsync(session, neighbour.Id, default));
        Assert.IsType<PortalChange.NotFound>(await _world.Portal.MoveAsync(session, neighbour.Id, Thursday10.AddHours(2), default));
        Assert.IsType<PortalChange.NotFound>(await _world.Portal.CancelAsync(session with { Company = await _world.CompanyAsync(DemoData.Praxis.TenantKey) }, praxis.Id, default));
        Assert.True(await _app.ReadAsync(db => db.Appointments.Where(a => a.Id == neighbour.Id || a.Id == praxis.Id).AllAsync(a => a.Status == AppointmentStatus.Scheduled && (a.Id != neighbour.Id || a.StartUtc == neighbour.StartUtc))));
        var view = await _world.Portal.ViewAsync(session, default);
        Assert.Equal([mine.Id], view!.Appointments.Select(a => a.Id));
    }

    [Fact]
    public async Task Moves_and_cancellations_follow_the_companys_notice()
    {
        var company = await _world.CompanyAsync(DemoData.Salon.TenantKey);
        var later = await _world.BookAsync(DemoData.Salon.TenantKey, "Tina Termin", "tina@example.org", "+4915170001006", Thursday10);
        var session = new CustomerSession(company, later.CustomerId);
        var mine = (await _world.Portal.AppointmentAsync(session, later.Id, default))!;

        // Three days ahead: a free start the engine offers, then the move and the cancellation.
        var day = DateOnly.FromDateTime(BranchClock.ToLocal(Thursday10, mine.TimeZoneId).DateTime).AddDays(1);
        var free = await _world.Portal.MoveSlotsAsync(session, mine, day, default);
        Assert.NotEmpty(free);
        var moved = Assert.IsType<PortalChange.Done>(await _world.Portal.MoveAsync(session, later.Id, free[0].StartUtc, default));
        Assert.Equal(free[0].StartUtc, moved.Appointment.StartUtc);
        Assert.Equal(free[0].StartUtc, await _app.ReadAsync(db => db.Appointments.Where(a => a.Id == later.Id).Select(a => a.StartUtc).SingleAsync()));
        Assert.IsType<PortalChange.Done>(await _world.Portal.CancelAsync(session, later.Id, default));
        Assert.Equal(AppointmentStatus.Cancelled, await _app.ReadAsync(db => db.Appointments.Where(a => a.Id == later.Id).Select(a => a.Status).SingleAsync()));

        // Inside the notice (24 h for the demo's services): neither, and nothing changes.
        var soon = await _world.BookAsync(DemoData.Salon.TenantKey, "Sven Spät", "sven@example.org", "+4915170001007", Monday.UtcDateTime.AddHours(3).AddMinutes(20));
        var svenSession = new CustomerSession(company, soon.CustomerId);
        Assert.IsType<PortalChange.TooLate>(await _world.Portal.CancelAsync(svenSession, soon.Id, default));
        Assert.IsType<PortalChange.TooLate>(await _world.Portal.MoveAsync(svenSession, soon.Id, Thursday10, default));
        var stored = await _app.ReadAsync(db => db.Appointments.Where(a => a.Id == soon.Id).Select(a => new { a.Status, a.StartUtc }).SingleAsync());
        Assert.Equal((AppointmentStatus.Scheduled, soon.StartUtc), (stored.Status, stored.StartUtc));
    }

    [Fact]
    public async Task A_time_taken_meanwhile_offers_the_engines_alternatives_and_changes_nothing()
    {
        var company = await _world.CompanyAsync(DemoData.Salon.TenantKey);
        var booked = await _world.BookAsync(DemoData.Salon.TenantKey, "Anton Ander", "anton@example.org", "+4915170001008", Thursday10);
        var session = new CustomerSession(company, booked.CustomerId);
        var mine = (await _world.Portal.AppointmentAsync(session, booked.Id, default))!;
        var day = DateOnly.FromDateTime(BranchClock.ToLocal(Thursday10, mine.TimeZoneId).DateTime).AddDays(1);
        var wanted = (await _world.Portal.MoveSlotsAsync(session, mine, day, default))[0];

        // The front desk books exactly that time with the same stylist meanwhile.
        var desk = await _world.RunInAsync<Book, BookingOutcome>(company, book => book.RunAsync(new BookRequest(mine.StaffId, mine.ServiceId, Guid.Empty, wanted.StartUtc,
            AppointmentSource.Admin, "test: front desk", Contact: new CustomerContact("Vorne Gebucht", "+4915170001009", null)), default));
        Assert.IsType<BookingOutcome.Booked>(desk);

        var taken = Assert.IsType<PortalChange.Taken>(await _world.Portal.MoveAsync(session, booked.Id, wanted.StartUtc, default));
        Assert.NotEmpty(taken.Alternatives);
        Assert.DoesNotContain(taken.Alternatives, a => a.StartUtc == wanted.StartUtc && a.StaffId == mine.StaffId);
        Assert.Equal(booked.StartUtc, await _app.ReadAsync(db => db.Appointments.Where(a => a.Id == booked.Id).Select(a => a.StartUtc).SingleAsync()));
    }

    [Fact]
    public async Task Erasure_removes_the_personal_data_and_ends_every_session()
    {
        var booked = await _world.BookAsync(DemoData.Salon.TenantKey, "Greta Gehen", "greta@example.org", "+4915170001010", Thursday10);
        var (_, link) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "greta@example.org", "greta@example.org");
        var (_, spare) = await _world.RequestLinkAsync(DemoData.Salon.TenantKey, "greta@example.org", "greta@example.org");
        using var greta = await _world.SignedInAsync(link!);
        var export = await greta.GetAsync("/portal/my-data.json");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("greta@example.org", await export.Content.ReadAsStringAsync());

        var session = new CustomerSession(await _world.CompanyAsync(DemoData.Salon.TenantKey), booked.CustomerId);
        Assert.IsType<AskPro.Core.Customers.EraseCustomer.EraseOutcome.Erased>(await _world.Portal.EraseAsync(session, default));

        var customer = await _app.ReadAsync(db => db.Customers.SingleAsync(c => c.Id == booked.CustomerId));
        Assert.Null(customer.Email);
        Assert.Null(customer.Phone);
        Assert.NotEqual("Greta Gehen", customer.Name);
        Assert.False(await _app.ReadAsync(db => db.CustomerMessages.AnyAsync(m => m.CustomerId == booked.CustomerId && (m.Recipient != "" || m.Text.Contains("Greta")))));
        Assert.True(await _app.ReadAsync(db => db.Appointments.AnyAsync(a => a.Id == booked.Id))); // statistics stay
        // The old cookie, and a link sent before, open nothing any more.
        Assert.Null(await _world.Portal.ViewAsync(session, default));
        Assert.Equal(HttpStatusCode.NotFound, (await greta.GetAsync($"/portal/appointments/{booked.Id:N}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await greta.GetAsync("/portal/my-data.json")).StatusCode);
        Assert.Contains("link=invalid", (await _world.Browser().GetAsync(spare)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_customer_changes_their_own_details_and_bad_input_changes_nothing()
    {
        var booked = await _world.BookAsync(DemoData.Salon.TenantKey, "Hans Huber", "hans@example.org", "+4915170001011", Thursday10);
        var session = new CustomerSession(await _world.CompanyAsync(DemoData.Salon.TenantKey), booked.CustomerId);

        Assert.IsType<MyDetailsOutcome.Invalid>(await _world.Portal.UpdateDetailsAsync(session, new MyDetails("<script>x</script>", "hans@example.org", true, false, false, "de"), default));
        Assert.IsType<MyDetailsOutcome.Invalid>(await _world.Portal.UpdateDetailsAsync(session, new MyDetails("Hans Huber", new string('a', 10_000) + "@x.org", true, false, false, "de"), default));
        Assert.False((await _app.ReadAsync(db => db.Customers.SingleAsync(c => c.Id == booked.CustomerId))).NoReminders);

        Assert.IsType<MyDetailsOutcome.Saved>(await _world.Portal.UpdateDetailsAsync(session, new MyDetails("Hans P. Huber", "hans.huber@example.org", true, false, true, "en"), default));
        var saved = await _app.ReadAsync(db => db.Customers.SingleAsync(c => c.Id == booked.CustomerId));
        Assert.Equal(("Hans P. Huber", "hans.huber@example.org", true, true, "en"), (saved.Name, saved.Email, saved.NoReminders, saved.OptedOutOfSms, saved.Language));
        Assert.True(await _app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "customer.self-update" && a.EntityId == booked.CustomerId.ToString())));
    }

    [Fact]
    public void Sign_in_links_are_limited_per_visitor_and_per_address()
    {
        using var limits = new SignInLinkLimits(Options.Create(new CustomerPortalOptions { LinksPerIpPerHour = 5, LinksPerAddressPerHour = 2 }));
        Assert.True(limits.TryRequest("10.0.0.1", "a@example.org"));
        Assert.True(limits.TryRequest("10.0.0.2", "a@example.org"));
        Assert.False(limits.TryRequest("10.0.0.3", "a@example.org")); // the address has had its two
        Assert.True(limits.TryRequest("10.0.0.1", "b@example.org"));
        Assert.True(limits.TryRequest("10.0.0.1", "c@example.org"));
        Assert.True(limits.TryRequest("10.0.0.1", "d@example.org"));
        Assert.True(limits.TryRequest("10.0.0.1", "e@example.org"));
        Assert.False(limits.TryRequest("10.0.0.1", "f@example.org")); // the visitor has had five
    }
}
