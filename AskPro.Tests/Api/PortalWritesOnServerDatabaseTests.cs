using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Api;

/// <summary>The whole demo app on PostgreSQL, for the queries of issue #15 that the SQLite suites
/// cover: the REST write side (book with an idempotency key, taken → 409 with alternatives, move in
/// time and to a colleague, status, cancel, another company's ids), the audit log's filters and
/// CSV, and the customer page. Seeded once per class (<see cref="PostgresApp"/>).</summary>
public sealed class PortalWritesOnServerDatabaseTests(PortalWritesOnServerDatabaseTests.PostgresApp postgres)
    : IClassFixture<PortalWritesOnServerDatabaseTests.PostgresApp>
{
    /// <summary>The demo app with a fixed clock on a fresh PostgreSQL database (nothing when PostgreSQL is not installed: the tests skip).</summary>
    public sealed class PostgresApp : IAsyncLifetime
    {
        public BookingApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            if (TestServices.PostgresBin is null) return;
            App = new BookingApp(new()
            {
                ["Database:Provider"] = DatabaseProvider.Postgres.ToString(),
                ["Database:ConnectionString"] = await TestDatabase.CreateServerDatabaseAsync(DatabaseProvider.Postgres),
            });
        }

        public Task DisposeAsync()
        {
            App?.Dispose();
            return Task.CompletedTask;
        }
    }

    private BookingApp App => postgres.App;
    private HttpClient Api => App.Host.ApiClient(DemoData.Salon.ApiKey);

    private Task<Guid> CompanyAsync(string tenantKey) => App.ReadAsync(db => db.Companies.Where(c => c.TenantKey == tenantKey).Select(c => c.Id).SingleAsync());

    [PostgresFact]
    public async Task Rest_writes_book_move_to_a_colleague_record_and_cancel_on_PostgreSQL()
    {
        var (anna, julia, haircut) = await App.ReadAsync(async db => (
            (await db.Staff.SingleAsync(s => s.Name == "Anna Schmidt")).Id, (await db.Staff.SingleAsync(s => s.Name == "Julia Weber")).Id,
            (await db.Services.SingleAsync(s => s.Name == "Herrenhaarschnitt")).Id));
        var body = new { staffId = anna, serviceId = haircut, start = "2027-01-19T10:00:00+01:00", customer = new { name = "Paula Postgres", phone = "0170 5555 0101" } };
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "pg-book-1");
        var booked = await Api.SendAsync(first);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var repeat = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appointments") { Content = JsonContent.Create(body) };
        repeat.Headers.Add("Idempotency-Key", "pg-book-1");
        var replayed = await Api.SendAsync(repeat);
        Assert.Equal(id, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(1, await App.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == new DateTime(2027, 1, 19, 9, 0, 0) && a.Status != AppointmentStatus.Cancelled)));

        // Taken: 409 with Anna's alternatives.
        var taken = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start = "2027-01-19T10:00:00+01:00", customer = new { name = "Otto Zweit" } });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.NotEmpty((await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternatives").EnumerateArray());

        // To Julia, later; then the list shows it there.
        var moved = await Api.PatchAsJsonAsync($"/api/v1/appointments/{id}", new { start = "2027-01-19T11:00:00+01:00", staffId = julia });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var stored = await App.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(id)));
        Assert.Equal((julia, new DateTime(2027, 1, 19, 10, 0, 0)), (stored.StaffId, stored.StartUtc));
        Assert.Equal(6, await App.ReadAsync(db => db.SlotClaims.CountAsync(c => c.AppointmentId == stored.Id && c.StaffId == julia))); // 30 minutes, no buffer: six 5-minute granules
        var list = await Api.GetFromJsonAsync<JsonElement>("/api/v1/appointments?from=2027-01-19&to=2027-01-20");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("staffId").GetString() == julia.ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Api.PatchAsJsonAsync($"/api/v1/appointments/{id}", new { status = "NoShow" })).StatusCode); // not begun
        var praxis = await CompanyAsync(DemoData.Praxis.TenantKey);
        var foreign = await App.ReadAsync(db => db.Appointments.Where(a => a.CompanyId == praxis).Select(a => a.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PatchAsJsonAsync($"/api/v1/appointments/{foreign}", new { start = "2027-01-19T12:00:00+01:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.DeleteAsync($"/api/v1/appointments/{foreign}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/v1/appointments/{id}?reason=Kundin%20krank")).StatusCode);
        Assert.Equal(0, await App.ReadAsync(db => db.SlotClaims.CountAsync(c => c.AppointmentId == stored.Id)));
        Assert.Equal((AppointmentStatus.Cancelled, "Kundin krank"),
            await App.ReadAsync(async db => await db.Appointments.Where(a => a.Id == stored.Id).Select(a => new ValueTuple<AppointmentStatus, string?>(a.Status, a.CancellationReason)).SingleAsync()));
    }

    [PostgresFact]
    public async Task The_audit_logs_filters_and_csv_on_PostgreSQL()
    {
        var (salon, praxis) = (await CompanyAsync(DemoData.Salon.TenantKey), await CompanyAsync(DemoData.Praxis.TenantKey));
        var admin = await App.ReadAsync(db => db.Users.Where(u => u.Email == DemoData.Salon.AdminEmail).Select(u => u.Id).SingleAsync());
        var marker = "Pg" + Guid.NewGuid().ToString("N")[..6];
        var day = new DateTime(2026, 11, 20, 23, 30, 0, DateTimeKind.Utc); // 21 November, 00:30 in Berlin
        await App.ReadAsync(async db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { CompanyId = salon, Actor = admin, Action = "pg.test", EntityType = "Customer", Details = $"GROSS {marker} 100%", At = day },
                new AuditEntry { CompanyId = salon, Actor = "system", Action = "pg.other", EntityType = "Customer", Details = $"klein {marker} 100x", At = day.AddDays(-1) },
                new AuditEntry { CompanyId = praxis, Actor = "system", Action = "pg.test", EntityType = "Customer", Details = $"Praxis {marker}", At = day });
            return await db.SaveChangesAsync();
        });
        using var session = await PortalSession.SignInAsync(App.Host.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        async Task<List<string>> RowsAsync(string query)
        {
            using var response = await session.Http.GetAsync("/audit/export.csv?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimEnd().Split('\n').Skip(1).Where(l => l.Contains(marker))];
        }

        Assert.Equal(2, (await RowsAsync($"text={marker.ToLowerInvariant()}")).Count); // case-insensitive on PostgreSQL too; never the praxis's
        Assert.Contains($";{DemoData.Salon.AdminEmail};pg.test;", Assert.Single(await RowsAsync($"text={marker}&action=pg.test")));
        Assert.Single(await RowsAsync($"text={marker}&actor=ADMIN@SALON")); // the actor by address
        Assert.Single(await RowsAsync($"text={Uri.EscapeDataString(marker + " 100%")}")); // % is a character, not a wildcard
        Assert.Single(await RowsAsync($"text={marker}&from=2026-11-21&to=2026-11-21")); // days on the company's clock
        Assert.Empty(await RowsAsync($"text={marker}&from=2026-11-22"));
        Assert.Equal(HttpStatusCode.BadRequest, (await session.GetAsync("/audit/export.csv?from=31.02.2026")).Status);
    }

    [PostgresFact]
    public async Task The_customer_page_shows_the_history_and_another_companys_customer_is_not_found_on_PostgreSQL()
    {
        var (salon, praxis) = (await CompanyAsync(DemoData.Salon.TenantKey), await CompanyAsync(DemoData.Praxis.TenantKey));
        var (own, foreign) = await App.ReadAsync(async db => (
            await db.Customers.Where(c => c.CompanyId == salon && db.Appointments.Any(a => a.CustomerId == c.Id)).Select(c => new { c.Id, c.Name }).FirstAsync(),
            await db.Customers.Where(c => c.CompanyId == praxis).Select(c => c.Id).FirstAsync()));
        using var session = await PortalSession.SignInAsync(App.Host.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);

        using var page = await session.Http.GetAsync($"/customers/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(own.Name), html);
        Assert.Contains("data-testid=\"customer-no-shows\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/customers/{foreign}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/customers/{foreign}/export")).Status);
        using var export = await session.Http.GetAsync($"/customers/{own.Id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.NotEmpty((await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointments").EnumerateArray());
    }
}
