using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Booking;

public sealed record ChangeStatusRequest(Guid AppointmentId, AppointmentStatus Status, AppointmentSource Source, string Actor);

public abstract record ChangeStatusOutcome
{
    /// <summary>Now in the asked status (or it already was: then nothing changed and no event is written).</summary>
    public sealed record Changed(Appointment Appointment) : ChangeStatusOutcome;

    /// <summary>Not a status one records (only Completed and NoShow), not yet begun, or no longer active.</summary>
    public sealed record Rejected(string Reason) : ChangeStatusOutcome;

    public sealed record NotFound : ChangeStatusOutcome;
}

/// <summary>Records how an appointment went: completed, or the customer did not come (no-show).
/// Only once it has begun, and only for an active appointment. A no-show frees the staff
/// member's remaining time (claims released, like a cancellation); the change and its
/// <see cref="AppointmentStatusChanged"/> event are written in one transaction.</summary>
public sealed class ChangeStatus(IBookingStore store, ITenantDirectory directory, TimeProvider clock)
{
    public static readonly AppointmentStatus[] Recordable = [AppointmentStatus.Completed, AppointmentStatus.NoShow];

    public async Task<ChangeStatusOutcome> RunAsync(ChangeStatusRequest request, CancellationToken ct)
    {
        if (!Recordable.Contains(request.Status)) return new ChangeStatusOutcome.Rejected("Nur „erledigt“ oder „nicht erschienen“ kann eingetragen werden.");
        var appointment = await store.FindAsync(request.AppointmentId, ct);
        if (appointment is null) return new ChangeStatusOutcome.NotFound();
        if (appointment.Status == request.Status) return new ChangeStatusOutcome.Changed(appointment);
        if (!appointment.IsActive || appointment.Status == AppointmentStatus.Completed)
            return new ChangeStatusOutcome.Rejected("Der Termin ist storniert oder schon abgeschlossen.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (appointment.StartUtc > now) return new ChangeStatusOutcome.Rejected("Der Termin hat noch nicht begonnen.");

        var service = (await directory.GetAsync(ct)).Service(appointment.ServiceId);
        Shared.TimeInterval? freed = request.Status == AppointmentStatus.NoShow
            ? new(appointment.StartUtc, appointment.EndUtc + (service?.Buffer ?? TimeSpan.Zero))
            : null;
        appointment.Status = request.Status;
        appointment.UpdatedAt = now;
        var changed = new AppointmentStatusChanged(appointment.Id, appointment.StaffId, appointment.StartUtc, request.Status, request.Source, appointment.CallId)
            { OccurredAtUtc = now, Actor = request.Actor };
        await store.SetStatusAsync(appointment, freed, changed, ct);
        return new ChangeStatusOutcome.Changed(appointment);
    }
}
