using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Scheduling;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Scheduling;

/// <summary>Many callers, one stylist, one time: the database lets exactly one through.</summary>
public static class BookingConcurrencyChecks
{
    public const int Callers = 100;

    public static async Task Hundred_callers_for_one_slot_book_exactly_once(TestDatabase database, Func<int, TimeSpan> offsetOfCaller)
    {
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var customers = await CreateCustomersAsync(database, salon.Company.Id, Callers);
        var start = TenantWorld.Monday10Utc.AddDays(7);

        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, Callers).Select(async i =>
        {
            await gate.WaitAsync();
            await using var db = database.For(salon.Company.Id);
            var book = new BookAppointment(new AppointmentStore(db, TimeProvider.System, NoCache.Instance), TimeProvider.System);
            return await book.RunAsync(new BookingRequest(salon.Staff.Id, salon.Service.Id, customers[i],
                start + offsetOfCaller(i), AppointmentSource.Phone), CancellationToken.None);
        }).ToList();
        gate.Release(Callers);
        var outcomes = await Task.WhenAll(attempts); // an escaping exception fails the test here

        Assert.Equal(1, outcomes.Count(o => o is BookingOutcome.Booked));
        Assert.Equal(Callers - 1, outcomes.Count(o => o is BookingOutcome.Conflict));

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

        await using var db = database.For(salon.Company.Id);
        var store = new AppointmentStore(db, TimeProvider.System, NoCache.Instance);
        var book = new BookAppointment(store, TimeProvider.System);
        var first = Assert.IsType<BookingOutcome.Booked>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[0], start, AppointmentSource.Portal), default));
        Assert.IsType<BookingOutcome.Conflict>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[1], start.AddMinutes(15), AppointmentSource.Portal), default));

        Assert.True(await store.CancelAsync(first.Appointment.Id, "Kunde krank", default));
        Assert.IsType<BookingOutcome.Booked>(await book.RunAsync(new(salon.Staff.Id, salon.Service.Id, customers[1], start.AddMinutes(15), AppointmentSource.Portal), default));
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

/// <summary>These checks read the database directly: there is no cache to drop.</summary>
internal sealed class NoCache : IAvailabilityChanged
{
    public static readonly NoCache Instance = new();
    public Task NotifyAsync(IReadOnlyList<TimeInterval> changed, CancellationToken ct) => Task.CompletedTask;
}
