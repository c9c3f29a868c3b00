using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>What a check settles on (service and staff member) is stored on the call's row, so a
/// later book_appointment that names neither books the same — on every provider, since the
/// selection is written with one plain statement rather than through EF's LINQ.</summary>
public static class CallSelectionChecks
{
    public static async Task A_booking_without_service_or_staff_books_what_the_check_settled_on(BookingApp app)
    {
        var call = "call_selection_" + Guid.NewGuid().ToString("N");
        var check = await app.Retell.CallAsync("check_availability", new { datum = "22.1.2027", uhrzeit = "15 Uhr", dienstleistung = "Beratung", mitarbeiter = "Julia" }, call);
        Assert.Equal("available", check.GetProperty("status").GetString());

        var row = await app.ReadAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.RetellCallId == call));
        var beratung = await app.ReadAsync(db => db.Services.SingleAsync(s => s.CompanyId == row.CompanyId && s.Name == "Beratung"));
        var julia = await app.ReadAsync(db => db.Staff.SingleAsync(s => s.CompanyId == row.CompanyId && s.Name.StartsWith("Julia")));
        Assert.Equal(beratung.Id, row.SelectedServiceId);
        Assert.Equal(julia.Id, row.SelectedStaffId);

        var booked = await app.Retell.CallAsync("book_appointment", new { datum = "22.1.2027", uhrzeit = "15 Uhr", name = "Selma Auswahl" }, call);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        var id = Guid.Parse(booked.GetProperty("data").GetProperty("appointment_id").GetString()!);
        var stored = await app.ReadAsync(db => db.Appointments.SingleAsync(a => a.Id == id));
        Assert.Equal((beratung.Id, julia.Id), (stored.ServiceId, stored.StaffId));
    }
}

[Collection(BookingAppCollection.Name)]
public sealed class SqliteCallSelectionTests(BookingApp app)
{
    [Fact]
    public Task A_booking_without_service_or_staff_books_what_the_check_settled_on_SQLite() =>
        CallSelectionChecks.A_booking_without_service_or_staff_books_what_the_check_settled_on(app);
}

public sealed class PostgresCallSelectionTests
{
    [PostgresFact]
    public async Task A_booking_without_service_or_staff_books_what_the_check_settled_on_PostgreSQL()
    {
        var server = await PostgresServer.GetAsync();
        using var app = new BookingApp(new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = await server.CreateDatabaseAsync() });
        await CallSelectionChecks.A_booking_without_service_or_staff_books_what_the_check_settled_on(app);
    }
}
