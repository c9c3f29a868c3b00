using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Booking;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Scheduling;

/// <summary>Booked time is cached per day; a booking, move or cancellation drops the cached
/// days it touches and no others.</summary>
public sealed class AvailabilityCacheTests
{
    [Fact]
    public async Task A_change_drops_the_cached_availability_of_its_days_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (salon, _) = await TenantWorld.CreateAsync(database);
        await using var engine = BookingEngine.For(database);
        await using var scope = engine.For(salon.Company.Id);
        var store = scope.Get<IBookingStore>();
        var book = scope.Get<Book>();

        var day1 = TenantWorld.Monday10Utc.AddDays(21).Date;
        var day2 = day1.AddDays(1);
        var twoDays = new TimeInterval(DateTime.SpecifyKind(day1, DateTimeKind.Utc), DateTime.SpecifyKind(day1.AddDays(2), DateTimeKind.Utc));
        Guid[] staff = [salon.Staff.Id];
        Task<IReadOnlyList<BusyTime>> BookedAsync() => store.BookedAsync(staff, twoDays, null, default);
        BookRequest At(DateTime start) => new(salon.Staff.Id, salon.Service.Id, salon.Customer.Id, DateTime.SpecifyKind(start, DateTimeKind.Utc), AppointmentSource.Portal, "portal");

        Assert.Empty(await BookedAsync()); // both days read and cached

        // Written by another node (its own cache, nothing shared without Redis): still "free" here.
        await using (var otherNode = BookingEngine.For(database))
        await using (var elsewhere = otherNode.For(salon.Company.Id))
        {
            Assert.IsType<BookingOutcome.Booked>(await elsewhere.Get<Book>().RunAsync(At(day1.AddHours(8)), default));
            Assert.IsType<BookingOutcome.Booked>(await elsewhere.Get<Book>().RunAsync(At(day2.AddHours(8)), default));
        }
        Assert.Empty(await BookedAsync());

        // A booking on day 1 here: day 1 is read again, day 2 stays cached.
        var afternoon = Assert.IsType<BookingOutcome.Booked>(await book.RunAsync(At(day1.AddHours(13)), default));
        var busy = await BookedAsync();
        Assert.Contains(busy, b => b.Interval.Start == day1.AddHours(8));
        Assert.Contains(busy, b => b.Interval.Start == day1.AddHours(13));
        Assert.DoesNotContain(busy, b => b.Interval.Start.Date == day2);

        // Moving it to day 2 touches both days: now both are read again.
        Assert.IsType<RescheduleOutcome.Moved>(await scope.Get<Reschedule>().RunAsync(
            new RescheduleRequest(afternoon.Appointment.Id, DateTime.SpecifyKind(day2.AddHours(13), DateTimeKind.Utc), AppointmentSource.Portal, "portal"), default));
        busy = await BookedAsync();
        Assert.Contains(busy, b => b.Interval.Start == day2.AddHours(8));
        Assert.Contains(busy, b => b.Interval.Start == day2.AddHours(13));
        Assert.DoesNotContain(busy, b => b.Interval.Start == day1.AddHours(13));

        // Cancelling frees it again.
        Assert.IsType<CancelOutcome.Cancelled>(await scope.Get<Cancel>().RunAsync(new CancelRequest(afternoon.Appointment.Id, "test", AppointmentSource.Portal, "portal"), default));
        Assert.DoesNotContain(await BookedAsync(), b => b.Interval.Start == day2.AddHours(13));
    }

    [Fact]
    public void A_range_is_cut_at_UTC_midnights()
    {
        var start = new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc);
        var pieces = BookedTime.UtcDays(new TimeInterval(start, start.AddHours(49))).ToList();
        Assert.Equal([start, start.AddHours(1), start.AddHours(25), start.AddHours(49)], [pieces[0].Start, pieces[1].Start, pieces[2].Start, pieces[2].End]);
        Assert.Equal(3, pieces.Count);
    }
}
