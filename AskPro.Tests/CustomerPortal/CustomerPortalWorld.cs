using System.Net;
using System.Text.RegularExpressions;
using AskPro.Core.Booking;
using AskPro.Core.CustomerPortal.RequestSignInLink;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.CustomerPortal;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.CustomerPortal;

/// <summary>The demo app with a customer of the salon who has an appointment, and the ways a
/// customer reaches the portal: a sign-in link from the dev outbox, a browser-like client with cookies.</summary>
internal sealed partial class CustomerPortalWorld(AppHost app)
{
    public AppHost App => app;

    public Task<TenantId> CompanyAsync(string tenantKey) =>
        app.ReadAsync(async db => TenantId.From(await db.Companies.Where(c => c.TenantKey == tenantKey).Select(c => c.Id).SingleAsync()));

    public async Task<T> RunInAsync<TUseCase, T>(TenantId company, Func<TUseCase, Task<T>> work) where TUseCase : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(company);
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    private readonly Lazy<IServiceScope> _scope = new(app.Services.CreateScope);

    /// <summary>What the portal page calls (each call runs in a unit of work of its own).</summary>
    public CustomerPortalCalls Portal => _scope.Value.ServiceProvider.GetRequiredService<CustomerPortalCalls>();

    /// <summary>Books a new customer of the company at the first start from <paramref name="fromUtc"/> on
    /// (front desk: no customer rules) and returns the appointment.</summary>
    public async Task<Appointment> BookAsync(string tenantKey, string name, string email, string phone, DateTime fromUtc)
    {
        var company = await CompanyAsync(tenantKey);
        var (service, staff) = await app.ReadAsync(async db =>
        {
            var s = await db.Services.Where(x => x.CompanyId == company.Value && x.Active).OrderBy(x => x.DurationMinutes).FirstAsync();
            var m = await db.Staff.Where(x => x.CompanyId == company.Value && x.Active && x.Services.Any(y => y.Id == s.Id)).Select(x => x.Id).ToListAsync();
            return (s.Id, m);
        });
        for (var start = fromUtc; start < fromUtc.AddDays(3); start = start.AddMinutes(30))
            foreach (var member in staff)
            {
                var outcome = await RunInAsync<Book, BookingOutcome>(company, book => book.RunAsync(new BookRequest(member, service, Guid.Empty, start,
                    AppointmentSource.Admin, "test: front desk", Contact: new CustomerContact(name, phone, email)), default));
                if (outcome is BookingOutcome.Booked booked) return booked.Appointment;
            }
        throw new InvalidOperationException("no free time to book the test appointment");
    }

    public string SignInBase(string tenantKey) => $"{app.BaseAddress.ToString().TrimEnd('/')}/portal/signin?company={tenantKey}&token=";

    /// <summary>Asks for a link as the page does and returns the link that arrived (dev outbox) at <paramref name="address"/>, or null.</summary>
    public async Task<(SignInLinkOutcome Outcome, string? Link)> RequestLinkAsync(string tenantKey, string typed, string address, Guid? appointment = null)
    {
        var outbox = app.Services.GetRequiredService<DevOutbox>();
        var before = outbox.Recent.Count(m => m.To == address);
        var company = await CompanyAsync(tenantKey);
        var outcome = await Portal.RequestLinkAsync(company, new SignInLinkRequest(typed, "DE", appointment, "Salon", SignInBase(tenantKey)), default);
        var mails = outbox.Recent.Where(m => m.To == address).ToList();
        var link = mails.Count > before ? LinkIn(mails[0].Text) : null;
        return (outcome, link);
    }

    public static string? LinkIn(string text) => SignInLink().Match(text) is { Success: true } m ? m.Value : null;

    /// <summary>A client like a browser: keeps cookies, does not follow redirects (the test reads them).</summary>
    public HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    /// <summary>Opens the link as the customer would and returns their signed-in client.</summary>
    public async Task<HttpClient> SignedInAsync(string link)
    {
        var client = Browser();
        var answer = await client.GetAsync(link);
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location!.ToString().Contains("link=invalid"))
            throw new InvalidOperationException("the link did not sign in: " + answer.Headers.Location);
        return client;
    }

    [GeneratedRegex(@"https?://\S+/portal/signin\?\S+")]
    private static partial Regex SignInLink();
}
