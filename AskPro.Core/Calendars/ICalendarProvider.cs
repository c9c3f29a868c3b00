using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Calendars;

/// <summary>The calendar a company books into: AskPro's built-in calendar, or Cal.com (which
/// plugs in here). Every change it makes goes through <see cref="IAvailabilityChanged"/>.</summary>
public interface ICalendarProvider
{
    /// <summary>What can be booked (built-in: the company's active services; Cal.com: its event types).</summary>
    Task<IReadOnlyList<Core.Directory.Service>> ListServicesAsync(CancellationToken ct);

    /// <summary>Busy time the provider knows beyond AskPro's own appointments (built-in: none).</summary>
    Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct);

    Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct);

    Task<bool> CancelAsync(Guid appointmentId, string? reason, CancellationToken ct);

    /// <summary>Moves the appointment to a new start, keeping staff and service; a collision
    /// is <see cref="BookingOutcome.Conflict"/>, and the old time stays booked.</summary>
    Task<BookingOutcome> RescheduleAsync(Guid appointmentId, DateTime newStartUtc, CancellationToken ct);
}
