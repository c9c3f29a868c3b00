using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using AskPro.Core.Notifications;
using ICalendar = Ical.Net.Calendar;

namespace AskPro.Infrastructure.Notifications;

/// <summary>What the calendar entry of an appointment shows.</summary>
public sealed record CalendarEntry(Guid AppointmentId, DateTime StartUtc, DateTime EndUtc, string Summary, string Location, string Description,
    string OrganizerName, string OrganizerEmail, int Sequence, bool Cancelled);

/// <summary>The .ics attached to confirmations, notices and the portal's download (Ical.Net).
/// One UID per appointment and a SEQUENCE that grows with every change, so a calendar app
/// updates (METHOD:REQUEST) or removes (METHOD:CANCEL) the entry it already has. Times are in
/// UTC, which needs no VTIMEZONE (Ical.Net writes none).</summary>
public static class AppointmentCalendarFile
{
    public const string ContentType = "text/calendar";

    public static string Uid(Guid appointmentId) => $"{appointmentId:N}@askpro";

    public static MailAttachment Attachment(CalendarEntry entry, DateTime nowUtc) =>
        new("termin.ics", $"{ContentType}; charset=utf-8; method={Method(entry)}", Encoding.UTF8.GetBytes(Write(entry, nowUtc)));

    public static string Write(CalendarEntry entry, DateTime nowUtc)
    {
        var calendar = new ICalendar { Method = Method(entry) };
        calendar.ProductId = "-//AskPro//Termine//DE";
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(entry.AppointmentId),
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(nowUtc),
            DtStart = new CalDateTime(entry.StartUtc),
            DtEnd = new CalDateTime(entry.EndUtc),
            Summary = entry.Summary,
            Location = entry.Location,
            Description = entry.Description,
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{entry.OrganizerEmail}") { CommonName = entry.OrganizerName },
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Method(CalendarEntry entry) => entry.Cancelled ? "CANCEL" : "REQUEST";
}
