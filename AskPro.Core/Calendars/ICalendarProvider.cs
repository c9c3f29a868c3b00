using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Calendars;

/// <summary>The outbound port to the calendar a company books into. <c>Book</c>,
/// <c>Reschedule</c> and <c>Cancel</c> call it after the database claim has committed;
/// <c>FindFreeSlots</c> asks it for busy time AskPro does not know. Built-in calendar: nothing
/// to add or tell. Cal.com plugs in here (a later issue).</summary>
public interface ICalendarProvider
{
    /// <summary>Busy time the provider knows beyond AskPro's own appointments (built-in: none).</summary>
    Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct);

    Task BookedAsync(Appointment appointment, CancellationToken ct);

    Task RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct);

    Task CancelledAsync(Appointment appointment, CancellationToken ct);
}
