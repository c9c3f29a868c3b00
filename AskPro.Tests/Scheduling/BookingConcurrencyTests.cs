using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;

namespace AskPro.Tests.Scheduling;

public sealed class SqliteBookingConcurrencyTests
{
    [Fact]
    public async Task Hundred_callers_for_the_same_start_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, _ => TimeSpan.Zero);
    }

    [Fact]
    public async Task Hundred_callers_for_overlapping_intervals_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Starts spread over 35 minutes: every pair of 30+10-minute bookings overlaps.
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, i => TimeSpan.FromMinutes(5 * (i % 8)));
    }

    [Fact]
    public async Task Cancelling_an_appointment_frees_its_time()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await BookingConcurrencyChecks.Cancelling_frees_the_slot(db);
    }
}

public sealed class PostgresBookingConcurrencyTests
{
    [PostgresFact]
    public async Task Hundred_callers_for_the_same_start_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, _ => TimeSpan.Zero);
    }

    [PostgresFact]
    public async Task Hundred_callers_for_overlapping_intervals_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, i => TimeSpan.FromMinutes(5 * (i % 8)));
    }

    [PostgresFact]
    public async Task Cancelling_an_appointment_frees_its_time()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await BookingConcurrencyChecks.Cancelling_frees_the_slot(db);
    }
}

public sealed class SqlServerBookingConcurrencyTests
{
    [SqlServerFact]
    public async Task Hundred_callers_for_the_same_start_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, _ => TimeSpan.Zero);
    }

    [SqlServerFact]
    public async Task Hundred_callers_for_overlapping_intervals_book_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await BookingConcurrencyChecks.Hundred_callers_for_one_slot_book_exactly_once(db, i => TimeSpan.FromMinutes(5 * (i % 8)));
    }

    [SqlServerFact]
    public async Task Cancelling_an_appointment_frees_its_time()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await BookingConcurrencyChecks.Cancelling_frees_the_slot(db);
    }
}
