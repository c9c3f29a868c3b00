using AskPro.Core.Calendars;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Infrastructure.Calendars;

/// <summary>AskPro's own calendar: appointments and slot claims in AskPro's database (the store
/// announces every change through <see cref="IAvailabilityChanged"/>).</summary>
internal sealed class BuiltInCalendar(BookAppointment book, IBookingStore store, Core.Telephony.AgentFunctions.IAgentData data) : ICalendarProvider
{
    public Task<IReadOnlyList<Core.Directory.Service>> ListServicesAsync(CancellationToken ct) => data.ServicesAsync(ct);

    public Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BusyTime>>([]);

    public Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct) => book.RunAsync(request, ct);

    public Task<bool> CancelAsync(Guid appointmentId, string? reason, CancellationToken ct) => store.CancelAsync(appointmentId, reason, ct);

    public async Task<BookingOutcome> RescheduleAsync(Guid appointmentId, DateTime newStartUtc, CancellationToken ct)
    {
        if (!await store.TryMoveAsync(appointmentId, newStartUtc, ct)) return new BookingOutcome.Conflict();
        return new BookingOutcome.Booked(new Appointment { Id = appointmentId, StartUtc = newStartUtc });
    }
}
