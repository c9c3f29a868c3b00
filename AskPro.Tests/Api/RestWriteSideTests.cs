using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskPro.Core.Scheduling;
using AskPro.Tests.CompanyDirectory;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Api;

/// <summary>REST v1 as CONTRACTS.md specifies it: GET /{id} for every kind, PATCH (move or record
/// how it went) and DELETE (cancel) through the engine; hostile input gets a 4xx and changes nothing.</summary>
[Collection(DirectoryAppCollection.Name)]
public sealed class RestWriteSideTests(BookingApp app)
{
    private HttpClient Api => app.Host.ApiClient(DemoData.Salon.ApiKey);

    private Task<Guid> PraxisIdAsync(Func<Infrastructure.Persistence.AskProDbContext, Guid, Task<Guid>> pick) => app.ReadAsync(async db =>
        await pick(db, await db.Companies.Where(c => c.TenantKey == DemoData.Praxis.TenantKey).Select(c => c.Id).SingleAsync()));

    [Theory]
    [InlineData("branches")]
    [InlineData("services")]
    [InlineData("staff")]
    public async Task Every_kind_has_get_by_id_and_another_companys_id_is_not_found(string kind)
    {
        var list = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/{kind}");
        var first = list.GetProperty("items")[0];
        var own = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/{kind}/{first.GetProperty("id").GetString()}");
        Assert.Equal(first.GetProperty("name").GetString(), own.GetProperty("name").GetString());

        var foreign = await PraxisIdAsync((db, praxis) => kind switch
        {
            "branches" => db.Branches.Where(b => b.CompanyId == praxis).Select(b => b.Id).FirstAsync(),
            "services" => db.Services.Where(s => s.CompanyId == praxis).Select(s => s.Id).FirstAsync(),
            _ => db.Staff.Where(s => s.CompanyId == praxis).Select(s => s.Id).FirstAsync(),
        });
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/api/v1/{kind}/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/api/v1/{kind}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.GetAsync($"/api/v1/{kind}/not-an-id")).StatusCode);
    }

    [Fact]
    public async Task Patch_moves_or_records_how_it_went_delete_cancels_and_hostile_input_changes_nothing()
    {
        app.Clock.Now = BookingApp.Start;
        var (anna, haircut) = await app.ReadAsync(async db =>
            ((await db.Staff.FirstAsync(s => s.Name == "Anna Schmidt")).Id, (await db.Services.FirstAsync(s => s.Name == "Herrenhaarschnitt")).Id));
        async Task<string> BookAsync(string start)
        {
            var booked = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start, customer = new { name = "Petra Patch" } });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            return (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        Task<HttpResponseMessage> PatchAsync(string id, object body) => Api.PatchAsJsonAsync($"/api/v1/appointments/{id}", body);
        Task<Appointment> StoredAsync(string id) => app.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(id)));

        var id = await BookAsync("2027-01-12T10:00:00+01:00");
        var praxisAppointment = await PraxisIdAsync((db, praxis) => db.Appointments.Where(a => a.CompanyId == praxis).Select(a => a.Id).FirstAsync());
        var otherStaff = await app.ReadAsync(db => db.Staff.Where(s => s.Name == "Julia Weber").Select(s => s.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PatchAsync(id, new { status = "NoShow" })).StatusCode); // not begun yet
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { status = "Cancelled" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { start = "2027-01-12T11:00:00+01:00", status = "Completed" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { staffId = "not-an-id" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { staffId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { staffId = otherStaff, status = "Completed" })).StatusCode);
        var praxisStaff = await PraxisIdAsync((db, praxis) => db.Staff.Where(s => s.CompanyId == praxis).Select(s => s.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync(id, new { staffId = praxisStaff })).StatusCode); // another company's staff member: unknown here
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PatchAsync(id, new { start = "2027-01-12T20:00:00+01:00", staffId = otherStaff })).StatusCode); // Julia does not work then
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(praxisAppointment.ToString(), new { start = "2027-01-12T11:00:00+01:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync("'; DROP TABLE Appointments;--", new { start = "2027-01-12T11:00:00+01:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.DeleteAsync($"/api/v1/appointments/{id}?reason={new string('x', 2000)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.DeleteAsync($"/api/v1/appointments/{praxisAppointment}")).StatusCode);
        var untouched = await StoredAsync(id);
        Assert.Equal((AppointmentStatus.Scheduled, new DateTime(2027, 1, 12, 9, 0, 0)), (untouched.Status, untouched.StartUtc));

        var moved = await PatchAsync(id, new { start = "2027-01-12T11:00:00+01:00", staffId = anna });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2027-01-12T11:00:00+01:00", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetString());

        // To Julia at the same time (staffId alone), then back to Anna while Anna's time is taken: 409 with Anna's alternatives.
        var handedOver = await PatchAsync(id, new { staffId = otherStaff });
        Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);
        var over = await handedOver.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((otherStaff.ToString(), "2027-01-12T11:00:00+01:00"), (over.GetProperty("staffId").GetString(), over.GetProperty("start").GetString()));
        Assert.Equal(otherStaff, (await StoredAsync(id)).StaffId);
        var blocker = await BookAsync("2027-01-12T11:00:00+01:00"); // Anna's 11:00 is free again, and now taken
        var taken = await PatchAsync(id, new { staffId = anna });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var alternatives = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternatives").EnumerateArray().ToList();
        Assert.NotEmpty(alternatives);
        Assert.All(alternatives, a => Assert.Equal(anna.ToString(), a.GetProperty("staffId").GetString()));
        Assert.Equal(otherStaff, (await StoredAsync(id)).StaffId);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/v1/appointments/{blocker}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/api/v1/appointments/{id}?reason=Kunde%20krank")).StatusCode);
        var cancelled = await StoredAsync(id);
        Assert.Equal((AppointmentStatus.Cancelled, "Kunde krank"), (cancelled.Status, cancelled.CancellationReason));

        // Once it began: recorded as a no-show.
        var later = await BookAsync("2027-01-13T10:00:00+01:00");
        app.Clock.Now = new DateTimeOffset(2027, 1, 13, 9, 40, 0, TimeSpan.Zero);
        try
        {
            var noShow = await PatchAsync(later, new { status = "noshow" });
            Assert.Equal(HttpStatusCode.OK, noShow.StatusCode);
            Assert.Equal("NoShow", (await noShow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            Assert.Equal(AppointmentStatus.NoShow, (await StoredAsync(later)).Status);
        }
        finally
        {
            app.Clock.Now = BookingApp.Start;
        }
    }
}
