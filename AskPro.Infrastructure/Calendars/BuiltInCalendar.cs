using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Infrastructure.Calendars;

/// <summary>AskPro's own calendar: appointments and slot claims in AskPro's database are the
/// calendar, so there is no busy time beyond them and nothing to tell after a change.</summary>
internal sealed class BuiltInCalendar : ICalendarProvider
{
    public Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BusyTime>>([]);

    public Task BookedAsync(Appointment appointment, CancellationToken ct) => Task.CompletedTask;

    public Task RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct) => Task.CompletedTask;

    public Task CancelledAsync(Appointment appointment, CancellationToken ct) => Task.CompletedTask;
}
