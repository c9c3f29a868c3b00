using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Infrastructure.Calendars;

/// <summary>AskPro's own calendar: appointments and slot claims in AskPro's database are the
/// calendar, so there is no busy time beyond them and every change is accepted.</summary>
internal sealed class BuiltInCalendar : ICalendarProvider
{
    public Task<bool> ConfirmsBookingsAsync(CancellationToken ct) => Task.FromResult(false);

    public Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(Service service, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BusyTime>>([]);

    public Task<CalendarAnswer> BookedAsync(Appointment appointment, CancellationToken ct) => Task.FromResult(CalendarAnswer.Done);

    public Task<CalendarAnswer> RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct) => Task.FromResult(CalendarAnswer.Done);

    public Task<CalendarAnswer> CancelledAsync(Appointment appointment, CancellationToken ct) => Task.FromResult(CalendarAnswer.Done);
}
