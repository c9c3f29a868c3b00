using AskPro.Infrastructure.Portal;

namespace AskPro.Web.Components.Pages.Calendar;

/// <summary>What the person at the calendar is doing: booking a free slot, looking at an
/// appointment (move, cancel, record how it went), or having dropped one onto another time.</summary>
public abstract record CalendarActionState
{
    public sealed record Booking(CalendarStaff Staff, DateTime StartUtc) : CalendarActionState;

    public sealed record Viewing(CalendarAppointment Appointment) : CalendarActionState;

    public sealed record Moving(CalendarAppointment Appointment, Guid StaffId, DateTime StartUtc) : CalendarActionState;
}
