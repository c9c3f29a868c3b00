using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;

namespace AskPro.Core.Booking;

/// <summary>Tunables of booking (section "Booking").</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long offered slots are held for the caller they were offered to.</summary>
    public int HoldMinutes { get; set; } = 5;

    /// <summary>How far ahead customers may book.</summary>
    public int HorizonDays { get; set; } = 90;
}

/// <summary>A rule a booking, move or cancellation broke.</summary>
public enum BookingRule
{
    /// <summary>The start is sooner than the service's minimum notice.</summary>
    MinimumNotice,

    /// <summary>The start is beyond the booking horizon.</summary>
    BookingHorizon,

    /// <summary>Too close to the appointment to move or cancel it (the service's cancellation notice).</summary>
    CancellationNotice,

    /// <summary>The staff member does not perform the service.</summary>
    StaffDoesNotPerformService,

    /// <summary>Not a start the calendar offers: outside opening or working hours, on a closed
    /// day, or off the company's slot grid.</summary>
    OutsideHours,
}

/// <summary>The booking policies in one place. Notice, horizon and cancellation notice bind the
/// customer-facing channels (phone, REST API, the online booking page and the customer portal);
/// staff in the portal and the Cal.com mirror record what was agreed elsewhere, so only the
/// rule that a service is performed by staff who perform it binds every channel.</summary>
public static class BookingPolicy
{
    public static bool BindsCustomerRules(AppointmentSource source) => source is AppointmentSource.Phone or AppointmentSource.Api or AppointmentSource.Online or AppointmentSource.CustomerPortal;

    public static DateTime EarliestStartUtc(Service service, DateTime nowUtc) => nowUtc.AddMinutes(service.MinimumNoticeMinutes);

    public static DateTime LatestStartUtc(BookingOptions options, DateTime nowUtc) => nowUtc.AddDays(options.HorizonDays);

    /// <summary>Null when the start may be booked by this channel.</summary>
    public static BookingRule? CheckStart(Service service, Staff staff, DateTime startUtc, DateTime nowUtc, BookingOptions options, AppointmentSource source)
    {
        if (staff.Services.All(s => s.Id != service.Id)) return BookingRule.StaffDoesNotPerformService;
        if (!BindsCustomerRules(source)) return null;
        if (startUtc < EarliestStartUtc(service, nowUtc)) return BookingRule.MinimumNotice;
        if (startUtc > LatestStartUtc(options, nowUtc)) return BookingRule.BookingHorizon;
        return null;
    }

    /// <summary>Is the start one the calendar offers for this staff member (opening ∩ working
    /// hours, absences, closed days, slot grid), busy time aside? Customer channels only book those.</summary>
    public static bool IsOfferedStart(Branch branch, Staff staff, Service service, int gridMinutes, DateTime startUtc, IPublicHolidayCalendar holidays)
    {
        var day = DateOnly.FromDateTime(BranchClock.ToLocal(startUtc, branch.TimeZoneId).DateTime);
        var schedule = new ScheduleSnapshot(branch.TimeZoneId, branch.OpeningHours, ClosedDays.Of(branch, holidays, day, day),
            [StaffSchedule.Of(staff)], [], gridMinutes, DateTime.MinValue, DateTime.MaxValue);
        return Availability.FreeSlots(schedule, service.Duration, service.Buffer, day).Any(s => s.StartUtc == startUtc);
    }

    /// <summary>Null when the appointment may still be moved or cancelled by this channel.</summary>
    public static BookingRule? CheckChange(Service? service, Appointment appointment, DateTime nowUtc, AppointmentSource source) =>
        BindsCustomerRules(source) && appointment.StartUtc - nowUtc < TimeSpan.FromHours(CancellationNoticeHours(service)) ? BookingRule.CancellationNotice : null;

    public static int CancellationNoticeHours(Service? service) => service?.CancellationNoticeHours ?? 24;
}
