using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

/// <summary>What to look for: a service with some of the staff who perform it, at one branch,
/// from a day on. <paramref name="Holder"/> is whoever holds offered slots (a call); their own
/// holds do not count as busy. <paramref name="ExceptAppointment"/> is the appointment being
/// moved (its own time is free for it). <paramref name="Allowed"/> refuses slots the asker may
/// not be offered (a caller's own appointments). <paramref name="Days"/> is how many days are
/// read (a span of days and the two weeks after it).</summary>
public sealed record SlotSearch(
    Branch Branch,
    Service Service,
    IReadOnlyList<Staff> Staff,
    DateOnly FromDay,
    int GridMinutes,
    string? Holder = null,
    Guid? ExceptAppointment = null,
    Func<Slot, bool>? Allowed = null,
    AppointmentSource Source = AppointmentSource.Phone,
    int Days = SlotSearch.SearchDays)
{
    public const int SearchDays = 15;
}

/// <summary>The one availability service, for every channel: opening hours ∩ staff working
/// hours − staff absences − closed days (closures and public holidays, <see cref="ClosedDays"/>) − appointments − the calendar provider's busy time − other callers'
/// holds, for the service's duration + buffer, on the company's slot grid, between minimum
/// notice and the booking horizon (for the channels they bind, <see cref="BookingPolicy"/>).
/// Reads once, then answers per day; alternatives are ranked by <see cref="AlternativeRanking"/>.</summary>
public sealed class FindFreeSlots(IBookingStore store, ICalendarProvider calendar, IHoldStore holds, IPublicHolidayCalendar holidays, TimeProvider clock,
    BookingOptions options)
{
    public async Task<FreeSlots> RunAsync(SlotSearch search, CancellationToken ct)
    {
        var zone = search.Branch.TimeZoneId;
        var range = new TimeInterval(
            BranchClock.ToUtc(search.FromDay.ToDateTime(TimeOnly.MinValue), zone),
            BranchClock.ToUtc(search.FromDay.AddDays(search.Days).ToDateTime(TimeOnly.MinValue), zone));
        var staffIds = search.Staff.Select(s => s.Id).ToList();
        var busy = new List<BusyTime>(await store.BookedAsync(staffIds, range, search.ExceptAppointment, ct));
        busy.AddRange(await calendar.ExternalBusyAsync(search.Service, staffIds, range, ct));
        if (search.Holder is not null) busy.AddRange(await holds.HeldByOthersAsync(search.Holder, staffIds, range, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        var customerRules = BookingPolicy.BindsCustomerRules(search.Source);
        var schedule = new ScheduleSnapshot(zone, search.Branch.OpeningHours, ClosedDays.Of(search.Branch, holidays, search.FromDay, search.FromDay.AddDays(search.Days)),
            search.Staff.Select(StaffSchedule.Of).ToList(), busy, search.GridMinutes,
            customerRules ? BookingPolicy.EarliestStartUtc(search.Service, now) : now,
            customerRules ? BookingPolicy.LatestStartUtc(options, now) : DateTime.MaxValue);
        return new FreeSlots(schedule, search.Service, search.Allowed ?? (_ => true));
    }

    /// <summary>Holds offered slots (with their buffers) for the holder for a few minutes.</summary>
    public async Task HoldAsync(string holder, Service service, IEnumerable<Slot> slots, CancellationToken ct)
    {
        var offered = slots.ToList();
        var toHold = offered.Select(s => new SlotToHold(s.StaffId, new TimeInterval(s.StartUtc, s.EndUtc + service.Buffer))).ToList();
        if (toHold.Count == 0) return;
        var ttl = TimeSpan.FromMinutes(options.HoldMinutes);
        await holds.HoldAsync(holder, toHold, ttl, ct);
        await calendar.HeldAsync(holder, service, offered, ttl, ct);
    }

    public async Task ReleaseAsync(string holder, CancellationToken ct)
    {
        await holds.ReleaseAsync(holder, ct);
        await calendar.HoldsReleasedAsync(holder, ct);
    }
}
