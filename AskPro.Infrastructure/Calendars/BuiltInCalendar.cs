using AskPro.Core.Calendars;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Infrastructure.Calendars;

/// <summary>AskPro's own calendar: appointments and slot claims in AskPro's database. Every
/// change is announced through <see cref="IAvailabilityChanged"/>.</summary>
internal sealed class BuiltInCalendar(BookAppointment book, IBookingStore store, IAvailabilityChanged changed, Core.Telephony.AgentFunctions.IAgentData data) : ICalendarProvider
{
    public Task<IReadOnlyList<Core.Directory.Service>> ListServicesAsync(CancellationToken ct) => data.ServicesAsync(ct);

    public Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BusyTime>>([]);

    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct)
    {
        var outcome = await book.RunAsync(request, ct);
        if (outcome is BookingOutcome.Booked) await changed.NotifyAsync(ct);
        return outcome;
    }

    public async Task<bool> CancelAsync(Guid appointmentId, string? reason, CancellationToken ct)
    {
        var cancelled = await store.CancelAsync(appointmentId, reason, ct);
        if (cancelled) await changed.NotifyAsync(ct);
        return cancelled;
    }

    public async Task<BookingOutcome> RescheduleAsync(Guid appointmentId, DateTime newStartUtc, CancellationToken ct)
    {
        if (!await store.TryMoveAsync(appointmentId, newStartUtc, ct)) return new BookingOutcome.Conflict();
        await changed.NotifyAsync(ct);
        return new BookingOutcome.Booked(new Appointment { Id = appointmentId, StartUtc = newStartUtc });
    }
}

/// <summary>Drops the tenant's cached availability; the one path every change takes.</summary>
internal sealed class CachedAvailabilityChanged(Core.Tenancy.ITenantCache cache) : IAvailabilityChanged
{
    public Task NotifyAsync(CancellationToken ct) => cache.InvalidateAsync(Telephony.AgentData.CacheArea, ct);
}
