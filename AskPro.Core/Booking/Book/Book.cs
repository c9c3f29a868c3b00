using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

/// <summary>Books one staff member for one service at one start, for a customer: the one way
/// an appointment comes to exist, for every channel. Checks the request against the directory
/// and the policies, then claims the time, writes the appointment and its
/// <see cref="AppointmentBooked"/> event in one transaction; the claims' unique index decides
/// every race. A calendar that confirms bookings (Cal.com) is asked afterwards: the appointment
/// is claimed as Pending without an event, and becomes Confirmed (with its event) when the
/// calendar accepts, is released when it refuses, and stays Pending when the answer is unknown.</summary>
public sealed class Book(IBookingStore store, ITenantDirectory directory, Customers.FindOrCreateCustomer customers, ICalendarProvider calendar,
    SettlePending settle, TimeProvider clock, BookingOptions options, Scheduling.Holidays.IPublicHolidayCalendar holidays)
{
    public async Task<BookingOutcome> RunAsync(BookRequest request, CancellationToken ct)
    {
        if (request.StartUtc.Kind != DateTimeKind.Utc) return new BookingOutcome.Rejected("The start must be a UTC instant.");
        if (request.StartUtc.Ticks % SlotClaim.Granule.Ticks != 0)
            return new BookingOutcome.Rejected($"Appointments start on a {SlotClaim.Granule.TotalMinutes:0}-minute grid.");

        var company = await directory.GetAsync(ct);
        if (company.Service(request.ServiceId) is not { } service) return new BookingOutcome.Rejected("Unknown or inactive service.");
        if (company.StaffMember(request.StaffId) is not { } staff) return new BookingOutcome.Rejected("Unknown or inactive staff member.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (BookingPolicy.CheckStart(service, staff, request.StartUtc, now, options, request.Source) is { } broken)
            return new BookingOutcome.PolicyViolated(broken);
        if (BookingPolicy.BindsCustomerRules(request.Source)
            && (company.Branch(staff.BranchId) is not { } branch || !BookingPolicy.IsOfferedStart(branch, staff, service, company.Company.SlotGridMinutes, request.StartUtc, holidays)))
            return new BookingOutcome.PolicyViolated(BookingRule.OutsideHours);

        var customerId = request.CustomerId;
        if (customerId == Guid.Empty)
        {
            var found = request.Contact is null ? null : await customers.RunAsync(request.Contact with { Actor = request.Actor }, ct);
            if (found?.Resolved is not { } customer)
                return new BookingOutcome.Rejected(found is Customers.CustomerOutcome.Invalid invalid ? $"customer.{invalid.Field}: {invalid.Reason}" : "A customer (id, or a contact with a name) is required.");
            customerId = customer.Id;
        }
        else if (!await store.CustomerExistsAsync(customerId, ct)) return new BookingOutcome.Rejected("Unknown customer.");

        var confirms = request.Source != AppointmentSource.CalCom && await calendar.ConfirmsBookingsAsync(ct);
        var appointment = new Appointment
        {
            Status = confirms ? AppointmentStatus.Pending : AppointmentStatus.Scheduled,
            BranchId = staff.BranchId, StaffId = staff.Id, ServiceId = service.Id, CustomerId = customerId,
            StartUtc = request.StartUtc, EndUtc = request.StartUtc + service.Duration, Source = request.Source,
            CallId = request.CallId, ExternalUid = request.ExternalUid, CreatedAt = now, UpdatedAt = now,
        };
        var booked = confirms ? null : new AppointmentBooked(appointment.Id, appointment.CustomerId, staff.Id, service.Id, appointment.StartUtc, appointment.EndUtc,
            request.Source, request.CallId) { OccurredAtUtc = now, Actor = request.Actor };
        if (!await store.TryInsertAsync(appointment, Blocked(appointment, service), booked, ct)) return new BookingOutcome.SlotTaken();
        if (!confirms) return new BookingOutcome.Booked(appointment);

        switch (await calendar.BookedAsync(appointment, ct))
        {
            case CalendarAnswer.Accepted accepted:
                await settle.ConfirmAsync(appointment, accepted.ExternalUid, request.Actor, ct);
                return new BookingOutcome.Booked(appointment);
            case CalendarAnswer.Refused refused:
                await settle.ReleaseAsync(appointment, "Vom Kalender abgelehnt: " + refused.Reason, null, ct);
                return new BookingOutcome.CalendarRefused(refused.AgentMessage, refused.Unavailable);
            default:
                return new BookingOutcome.Pending(appointment);
        }
    }

    /// <summary>The staff member's time an appointment takes: the service and its buffer.</summary>
    internal static TimeInterval Blocked(Appointment appointment, Service service) =>
        new(appointment.StartUtc, appointment.EndUtc + service.Buffer);
}
