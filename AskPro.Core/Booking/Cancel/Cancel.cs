using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Booking;

public sealed record CancelRequest(Guid AppointmentId, string? Reason, AppointmentSource Source, string Actor);

public abstract record CancelOutcome
{
    /// <summary>Cancelled now, or it already was (then nothing changed and no event is written).</summary>
    public sealed record Cancelled(Appointment Appointment) : CancelOutcome;

    public sealed record PolicyViolated(BookingRule Rule) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;
}

/// <summary>Cancels an appointment and frees its time in one transaction, with an
/// <see cref="AppointmentCancelled"/> event, from which the company's calendar learns of it.
/// Policy: the cancellation notice (customer channels).</summary>
public sealed class Cancel(IBookingStore store, ITenantDirectory directory, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    public async Task<CancelOutcome> RunAsync(CancelRequest request, CancellationToken ct)
    {
        var appointment = await store.FindAsync(request.AppointmentId, ct);
        if (appointment is null) return new CancelOutcome.NotFound();
        if (!appointment.IsActive) return new CancelOutcome.Cancelled(appointment);
        var service = (await directory.GetAsync(ct)).Service(appointment.ServiceId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (BookingPolicy.CheckChange(service, appointment, now, request.Source) is { } broken) return new CancelOutcome.PolicyViolated(broken);

        var freed = new Shared.TimeInterval(appointment.StartUtc, appointment.EndUtc + (service?.Buffer ?? TimeSpan.Zero));
        var reason = request.Reason is { Length: > MaxReasonLength } long_ ? long_[..MaxReasonLength] : request.Reason;
        appointment.Status = AppointmentStatus.Cancelled;
        appointment.CancellationReason = reason;
        appointment.UpdatedAt = now;
        var cancelled = new AppointmentCancelled(appointment.Id, appointment.StaffId, appointment.StartUtc, reason, request.Source, appointment.CallId)
            { OccurredAtUtc = now, Actor = request.Actor };
        // The calendar (Cal.com) hears of it from the event, with retries (CalComCancellations).
        await store.CancelAsync(appointment, freed, cancelled, ct);
        return new CancelOutcome.Cancelled(appointment);
    }
}
