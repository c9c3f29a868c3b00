using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Calendars.CalCom;

namespace AskPro.Infrastructure.Calendars;

/// <summary>The calendar of the current company: Cal.com when it has an active connection,
/// otherwise AskPro's built-in calendar.</summary>
internal sealed class CompanyCalendar(BuiltInCalendar builtIn, CalComCalendar calCom) : ICalendarProvider
{
    private async Task<bool> IsCalComAsync(CancellationToken ct) => await calCom.SettingsAsync(ct) is not null;

    public Task<bool> ConfirmsBookingsAsync(CancellationToken ct) => IsCalComAsync(ct);

    public async Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(Service service, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
        await IsCalComAsync(ct) ? await calCom.ExternalBusyAsync(service, staffIds, range, ct) : await builtIn.ExternalBusyAsync(service, staffIds, range, ct);

    public async Task<CalendarAnswer> BookedAsync(Appointment appointment, CancellationToken ct) =>
        await IsCalComAsync(ct) ? await calCom.BookedAsync(appointment, ct) : CalendarAnswer.Done;

    public async Task<CalendarAnswer> RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct) =>
        await IsCalComAsync(ct) ? await calCom.RescheduledAsync(appointment, ct) : CalendarAnswer.Done;

    public async Task<bool> MovesBetweenStaffAsync(CancellationToken ct) => !await IsCalComAsync(ct);

    public async Task<CalendarAnswer> CancelledAsync(Appointment appointment, CancellationToken ct) =>
        await IsCalComAsync(ct) ? await calCom.CancelledAsync(appointment, ct) : CalendarAnswer.Done;

    public async Task HeldAsync(string holder, Service service, IReadOnlyList<Slot> slots, TimeSpan ttl, CancellationToken ct)
    {
        if (await IsCalComAsync(ct)) await calCom.ReserveAsync(holder, service, slots, ttl, ct);
    }

    public async Task HoldsReleasedAsync(string holder, CancellationToken ct)
    {
        if (await IsCalComAsync(ct)) await calCom.ReleaseReservationsAsync(holder, ct);
    }
}
