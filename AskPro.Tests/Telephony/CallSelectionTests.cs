using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>What a check settles on (service and staff member) is kept for the call, so a later
/// book_appointment that names neither books the same, and it reaches the call's row (for other
/// nodes and after a restart) with the function log's next batch — on every provider, since the
/// selection is written with one plain statement rather than through EF's LINQ.</summary>
public static class CallSelectionChecks
{
    public static async Task A_booking_without_service_or_staff_books_what_the_check_settled_on(BookingApp app)
    {
        var call = "call_selection_" + Guid.NewGuid().ToString("N");
        var check = await app.Retell.CallAsync("check_availability", new { datum = "22.1.2027", uhrzeit = "15 Uhr", dienstleistung = "Beratung", mitarbeiter = "Julia" }, call);
        Assert.Equal("available", check.GetProperty("status").GetString());

        // Stored off the request path, with the function log's next batch.
        var row = await Eventually.Async("the selection on the call's row", () => app.ReadAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.RetellCallId == call)),
            r => r.SelectedServiceId is not null);
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

/// <summary>This node answers a call's later functions from its newest selection until the
/// writer has stored it, and a selection made while the writer stored an older one is kept.</summary>
public sealed class CallSelectionMemoryTests
{
    [Fact]
    public void The_newest_selection_wins_over_the_row_until_written_and_a_newer_one_outlives_the_write()
    {
        var selections = new AskPro.Infrastructure.Telephony.CallSelections();
        var (company, first, second, staff) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var row = new AskPro.Core.Telephony.Call { Id = Guid.NewGuid(), CompanyId = company, RetellCallId = "call_memory", ToNumber = AskPro.Core.Shared.E164Number.FromStorage("+493012345678"), SelectedServiceId = first };
        Assert.Equal((first, (Guid?)null), selections.Of(row));

        selections.Remember(row.Id, new(company, second, staff));
        Assert.Equal((second, staff), selections.Of(row));

        var writing = selections.Unwritten();
        selections.Remember(row.Id, new(company, first, null)); // the caller changed their mind while the batch was written
        selections.Written(writing);
        row.SelectedServiceId = second; // what the writer stored: the newer selection still wins
        Assert.Equal((first, (Guid?)null), selections.Of(row));
        Assert.Single(selections.Unwritten());

        selections.Written(selections.Unwritten());
        Assert.Empty(selections.Unwritten());
        Assert.Equal((second, (Guid?)null), selections.Of(row)); // written: the row answers
    }
}
