using AskPro.Core.Directory;
using AskPro.Core.Shared;

namespace AskPro.Core.Scheduling;

public sealed record BookingRequest(
    Guid StaffId,
    Guid ServiceId,
    Guid CustomerId,
    DateTime StartUtc,
    AppointmentSource Source,
    Guid? CallId = null,
    string? ExternalUid = null);

/// <summary>What a booking attempt came to. A taken slot is an outcome, not an exception.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(Appointment Appointment) : BookingOutcome;

    /// <summary>Another active appointment of the staff member overlaps the wished time.</summary>
    public sealed record Conflict : BookingOutcome;

    /// <summary>The request itself is wrong (unknown service, staff who does not perform it …).</summary>
    public sealed record Rejected(string Reason) : BookingOutcome;
}

/// <summary>The storage side of booking, implemented in Infrastructure.</summary>
public interface IBookingStore
{
    Task<Service?> FindServiceAsync(Guid serviceId, CancellationToken ct);
    Task<Staff?> FindStaffWithServicesAsync(Guid staffId, CancellationToken ct);
    Task<bool> CustomerExistsAsync(Guid customerId, CancellationToken ct);

    /// <summary>Inserts the appointment and claims <paramref name="blocked"/> for its staff member
    /// in one transaction. Returns false when a claim collides (the slot is taken).</summary>
    Task<bool> TryInsertAsync(Appointment appointment, TimeInterval blocked, CancellationToken ct);

    /// <summary>Cancels and frees the claimed time, in one transaction. False when not found.</summary>
    Task<bool> CancelAsync(Guid appointmentId, string? reason, CancellationToken ct);

    /// <summary>Moves an appointment: old claims released and new ones taken in one transaction;
    /// false (and nothing changed) when the new time collides.</summary>
    Task<bool> TryMoveAsync(Guid appointmentId, DateTime newStartUtc, CancellationToken ct);
}

/// <summary>Books one staff member for one service at one start, for a customer.</summary>
public sealed class BookAppointment(IBookingStore store, TimeProvider clock)
{
    public async Task<BookingOutcome> RunAsync(BookingRequest request, CancellationToken ct)
    {
        if (request.StartUtc.Kind != DateTimeKind.Utc)
            return new BookingOutcome.Rejected("The start must be a UTC instant.");
        if (request.StartUtc.Ticks % SlotClaim.Granule.Ticks != 0)
            return new BookingOutcome.Rejected($"Appointments start on a {SlotClaim.Granule.TotalMinutes:0}-minute grid.");

        var service = await store.FindServiceAsync(request.ServiceId, ct);
        if (service is not { Active: true }) return new BookingOutcome.Rejected("Unknown or inactive service.");

        var staff = await store.FindStaffWithServicesAsync(request.StaffId, ct);
        if (staff is not { Active: true }) return new BookingOutcome.Rejected("Unknown or inactive staff member.");
        if (staff.Services.All(s => s.Id != service.Id))
            return new BookingOutcome.Rejected("This staff member does not perform this service.");
        if (!await store.CustomerExistsAsync(request.CustomerId, ct)) return new BookingOutcome.Rejected("Unknown customer.");

        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            BranchId = staff.BranchId,
            StaffId = staff.Id,
            ServiceId = service.Id,
            CustomerId = request.CustomerId,
            StartUtc = request.StartUtc,
            EndUtc = request.StartUtc + service.Duration,
            Source = request.Source,
            CallId = request.CallId,
            ExternalUid = request.ExternalUid,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var blocked = new TimeInterval(appointment.StartUtc, appointment.EndUtc + service.Buffer);

        return await store.TryInsertAsync(appointment, blocked, ct)
            ? new BookingOutcome.Booked(appointment)
            : new BookingOutcome.Conflict();
    }
}
