using System.Text.Json;
using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Keeps appointments in step with bookings made or changed in Cal.com. Idempotent
/// (by Cal.com uid), recognises AskPro's own bookings coming back (metadata / uid), and goes
/// through the same slot claims as every booking: a collision is dead-lettered with its reason,
/// visible in the inbox for staff to resolve — never silently dropped.</summary>
public sealed class CalComBookingEvents(
    AskProDbContext db, TenantContext tenant, Book book, Reschedule reschedule, Cancel cancel, LinkExternalBooking link, FindOrCreateCustomer findOrCreate, ICustomerStore customers,
    IAvailabilityChanged availability)
{
    public const string Provider = "calcom";
    private const string Actor = "calcom";

    // Registered per event type (WebhooksRegistration); MEETING_ENDED has no handler: stored, no effect.
    public Task CreatedAsync(InboxItem item, CancellationToken ct) => WithBookingAsync(item, CreateAsync, ct);
    public Task RescheduledAsync(InboxItem item, CancellationToken ct) => WithBookingAsync(item, RescheduleAsync, ct);
    public Task CancelledAsync(InboxItem item, CancellationToken ct) => WithBookingAsync(item, CancelAsync, ct);

    /// <summary>BOOKING_REQUESTED / BOOKING_REJECTED: no appointment of ours changes, but Cal.com's
    /// free time did (a request blocks it, a rejection frees it).</summary>
    public Task FreeTimeChangedAsync(InboxItem item, CancellationToken ct) => WithBookingAsync(item, (_, _, _) => Task.CompletedTask, ct);

    private async Task WithBookingAsync(InboxItem item, Func<JsonElement, string, CancellationToken, Task> apply, CancellationToken ct)
    {
        if (item.CompanyId is not { } company) throw new DeadLetterException("The event has no company.");
        tenant.UseTenant(TenantId.From(company));
        using var document = JsonDocument.Parse(item.Payload);
        var payload = JsonFields.Object(document.RootElement, "payload") ?? throw new DeadLetterException("The event has no payload.");
        // Whatever becomes of the event here (even a dead letter), Cal.com's free time of its day
        // changed: the company's cached slots and availability of that day are dropped first.
        if (Interval(payload) is { } changed) await availability.NotifyAsync([changed], ct);
        var uid = Text(payload, "uid") ?? throw new DeadLetterException("The booking has no uid.");
        await apply(payload, uid, ct);
    }

    private async Task CreateAsync(JsonElement payload, string uid, CancellationToken ct)
    {
        // AskPro's own booking coming back: link it, never create a second appointment.
        if (JsonFields.Object(payload, "metadata") is { } metadata
            && Guid.TryParse(Text(metadata, "askpro_appointment_id"), out var own) && await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == own, ct) is { } mine)
        {
            if (mine.ExternalUid is null) await link.RunAsync(mine.Id, uid, ct);
            return;
        }
        if (await db.Appointments.AnyAsync(a => a.ExternalUid == uid, ct)) return;

        var eventTypeId = (int?)JsonFields.Integer(payload, "eventTypeId", 1, int.MaxValue);
        // A staff member's own event type names service and staff; a service's names the service.
        var mapped = await db.CalComStaffEventTypes.AsNoTracking().FirstOrDefaultAsync(m => m.EventTypeId == eventTypeId, ct);
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => mapped != null ? s.Id == mapped.ServiceId : s.CalComEventTypeId == eventTypeId, ct)
            ?? throw new DeadLetterException($"No service is connected to Cal.com event type {eventTypeId}.");
        var organizer = JsonFields.Object(payload, "organizer") is { } o ? Text(o, "email") : null;
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services).FirstOrDefaultAsync(s => mapped != null ? s.Id == mapped.StaffId : s.Email == organizer, ct)
            ?? throw new DeadLetterException("The organizer is not a staff member of this company.");
        var customer = await CustomerAsync(payload, ct);
        var start = Instant(payload, "startTime");

        var outcome = await book.RunAsync(new BookRequest(staff.Id, service.Id, customer.Id, start, AppointmentSource.CalCom, Actor, ExternalUid: uid), ct);
        switch (outcome)
        {
            case BookingOutcome.SlotTaken: throw new DeadLetterException("Conflict: the Cal.com booking collides with an AskPro appointment of this staff member; please resolve it.");
            case BookingOutcome.Rejected rejected: throw new DeadLetterException("The Cal.com booking cannot be taken over: " + rejected.Reason);
            case BookingOutcome.PolicyViolated violated: throw new DeadLetterException("The Cal.com booking cannot be taken over: " + violated.Rule);
        }
    }

    private async Task RescheduleAsync(JsonElement payload, string uid, CancellationToken ct)
    {
        var previous = Text(payload, "rescheduleUid");
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.ExternalUid == uid || (previous != null && a.ExternalUid == previous), ct)
            ?? throw new DeadLetterException("The rescheduled booking is not known to AskPro.");
        var start = Instant(payload, "startTime");
        if (appointment.ExternalUid == uid && appointment.StartUtc == start) return; // applied before
        switch (await reschedule.RunAsync(new RescheduleRequest(appointment.Id, start, AppointmentSource.CalCom, Actor), ct))
        {
            case RescheduleOutcome.SlotTaken: throw new DeadLetterException("Conflict: the new Cal.com time collides with an AskPro appointment; please resolve it.");
            case RescheduleOutcome.Rejected rejected: throw new DeadLetterException("The Cal.com move cannot be taken over: " + rejected.Reason);
            case RescheduleOutcome.PolicyViolated violated: throw new DeadLetterException("The Cal.com move cannot be taken over: " + violated.Rule);
        }
        if (appointment.ExternalUid != uid) await link.RunAsync(appointment.Id, uid, ct);
    }

    private async Task CancelAsync(JsonElement payload, string uid, CancellationToken ct)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.ExternalUid == uid, ct);
        if (appointment is null || !appointment.IsActive) return;
        await cancel.RunAsync(new CancelRequest(appointment.Id, Text(payload, "cancellationReason") ?? "In Cal.com abgesagt", AppointmentSource.CalCom, Actor), ct);
    }

    /// <summary>The attendee as a customer, by the one rule set (number, else e-mail, else new).
    /// Only a real address is kept: it is how the next booking finds this customer.</summary>
    private async Task<Customer> CustomerAsync(JsonElement payload, CancellationToken ct)
    {
        var attendee = payload.TryGetProperty("attendees", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : default;
        var name = JsonFields.Text(attendee, "name", 200);
        var email = Text(attendee, "email") is var given && EmailAddress.TryNormalize(given, out var valid) ? valid : null;
        var country = await customers.CompanyCountryAsync(ct);
        var phone = E164Number.TryParse(Text(attendee, "phoneNumber"), country, out var number) ? number.Value : null;
        if (!PersonName.TryNormalize(name, out _)) name = "Cal.com-Gast";
        return (await findOrCreate.RunAsync(new CustomerContact(name, phone, email, Region: country, Actor: Actor), ct)).Resolved
            ?? throw new DeadLetterException("The attendee cannot be taken over as a customer.");
    }

    private static TimeInterval? Interval(JsonElement payload) =>
        TryInstant(payload, "startTime") is { } start && (TryInstant(payload, "endTime") ?? start) is var end && end >= start
            ? new TimeInterval(start, end > start ? end : start.AddMinutes(1))
            : null;

    private static DateTime? TryInstant(JsonElement payload, string property) =>
        DateTimeOffset.TryParse(Text(payload, property), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            ? instant.UtcDateTime
            : null;

    private static DateTime Instant(JsonElement payload, string property) =>
        DateTimeOffset.TryParse(Text(payload, property), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            ? instant.UtcDateTime
            : throw new DeadLetterException($"The booking has no valid {property}.");

    private static string? Text(JsonElement element, string property) => JsonFields.Text(element, property);
}
