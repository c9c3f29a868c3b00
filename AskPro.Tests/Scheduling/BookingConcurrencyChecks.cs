using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Booking;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Scheduling;

/// <summary>Many callers, one stylist, one time: the database lets exactly one through.</summary>
public static class BookingConcurrencyChecks
{
    public const int Callers = 100;

    /// <summary>A day before the wished times, so minimum notice and the horizon allow them.</summary>
    private static readonly FixedClock Clock = new(new DateTimeOffset(TenantWorld.Monday10Utc.AddDays(-1)));

    public static async Task Hundred_callers_for_one_slot_book_exactly_once(TestDatabase database, Func<int, TimeSpan> offsetOfCaller)
    {
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var customers = await CreateCustomersAsync(database, salon.Company.Id, Callers);
        var start = TenantWorld.Monday10Utc.AddDays(7);

        await using var engine = BookingEngine.For(database, Clock);
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, Callers).Select(async i =>
        {
            await gate.WaitAsync();
            await using var scope = engine.For(salon.Company.Id);
            return await scope.Get<Book>().RunAsync(new BookRequest(salon.Staff.Id, salon.Service.Id, customers[i],
                start + offsetOfCaller(i), AppointmentSource.Portal, "portal"), CancellationToken.None);
        }).ToList();
        gate.Release(Callers);
        var outcomes = await Task.WhenAll(attempts); // an escaping exception fails the test here

        Assert.Equal(1, outcomes.Count(o => o is BookingOutcome.Booked));
        Assert.Equal(Callers - 1, outcomes.Count(o => o is BookingOutcome.SlotTaken));

        await using var check = database.For(salon.Company.Id);
        var window = new TimeInterval(start - TimeSpan.FromHours(2), start + TimeSpan.FromHours(3));
        var booked = await check.Appointments.Where(a => a.StaffId == salon.Staff.Id && a.StartUtc >= window.Start && a.StartUtc < window.End).ToListAsync();
        Assert.Single(booked);
        var winner = Assert.IsType<BookingOutcome.Booked>(outcomes.Single(o => o is BookingOutcome.Booked));
        Assert.Equal(winner.Appointment.Id, booked[0].Id);
        // 30 minutes + 10 minutes buffer = 8 claims of 5 minutes, all the winner's.
        Assert.Equal(8, await check.SlotClaims.CountAsync(c => c.AppointmentId == winner.Appointment.Id));
    }

    public static async Task Cancelling_frees_the_slot(TestDatabase database)
    {
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var customers = await CreateCustomersAsync(database, salon.Company.Id, 2);
        var start = TenantWorld.Monday10Utc.AddDays(14);

        await using var engine = BookingEngine.For(database, Clock);
        await using var scope = engine.For(salon.Company.Id);
        var book = scope.Get<Book>();
        var first = Assert.IsType<BookingOutcome.Booked>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[0], start, AppointmentSource.Portal, "portal"), default));
        Assert.IsType<BookingOutcome.SlotTaken>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[1], start.AddMinutes(15), AppointmentSource.Portal, "portal"), default));

        Assert.IsType<CancelOutcome.Cancelled>(await scope.Get<Cancel>().RunAsync(new(first.Appointment.Id, "Kunde krank", AppointmentSource.Portal, "portal"), default));
        Assert.IsType<BookingOutcome.Booked>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[1], start.AddMinutes(15), AppointmentSource.Portal, "portal"), default));
        await using var db = database.For(salon.Company.Id);
        Assert.Equal(AppointmentStatus.Cancelled, (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == first.Appointment.Id)).Status);
    }

    private static async Task<List<Guid>> CreateCustomersAsync(TestDatabase database, Guid company, int count)
    {
        await using var db = database.For(company);
        var customers = Enumerable.Range(0, count).Select(i => new Customer { Name = $"Anrufer {i}", Phone = E164Number.Parse($"+4917100{i:D5}") }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        return customers.Select(c => c.Id).ToList();
    }
}
