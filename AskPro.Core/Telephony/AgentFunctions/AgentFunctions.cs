using System.Diagnostics;
using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>The functions the voice agent calls mid-call (CONTRACTS.md): a thin translation
/// from the caller's words to the booking use cases and back to a German sentence. One public
/// method; every outcome is a <see cref="FunctionReply"/>.</summary>
public sealed partial class AgentFunctions(
    IAgentData data, FindFreeSlots slots, Book book, Reschedule reschedule, Cancel cancel, Waitlist.JoinWaitlist.JoinWaitlist waitlist,
    IPublicHolidayCalendar holidays, BookingOptions options, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>
    {
        "initialize_call", "list_services", "check_availability", "book_appointment", "collect_appointment_data",
        "get_customer_appointments", "cancel_appointment", "reschedule_appointment", "request_callback", "join_waitlist",
    };

    /// <summary>A company calendar that cannot be asked (Cal.com down, circuit open) is said so in
    /// German with a callback offered, never an error the agent cannot read.</summary>
    public async Task<FunctionReply> RunAsync(string name, FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        try
        {
            return await DispatchAsync(name, args, call, ct);
        }
        catch (Calendars.CalendarUnavailableException unavailable)
        {
            return FunctionReply.Fail("error", unavailable.AgentMessage, new() { ["callback_offered"] = true });
        }
    }

    private Task<FunctionReply> DispatchAsync(string name, FunctionArguments args, AgentCall call, CancellationToken ct) => name switch
    {
        "initialize_call" => InitializeAsync(call, ct),
        "list_services" => Task.FromResult(ListServices(call)),
        "check_availability" => CheckAsync(args, call, ct),
        "book_appointment" => BookAsync(args, call, ct),
        "collect_appointment_data" => args.Confirmation switch
        {
            true => BookAsync(args, call, ct),
            false => CheckAsync(args, call, ct),
            null => Task.FromResult(Invalid("Soll ich den Termin verbindlich buchen, ja oder nein?")),
        },
        "get_customer_appointments" => ListAppointmentsAsync(call, ct),
        "cancel_appointment" => CancelAsync(args, call, ct),
        "reschedule_appointment" => RescheduleAsync(args, call, ct),
        "request_callback" => CallbackAsync(args, call, ct),
        "join_waitlist" => JoinWaitlistAsync(args, call, ct),
        _ => Task.FromResult(FunctionReply.Fail("unknown_function", "Diese Funktion kenne ich nicht.")),
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today(AgentCall call) => DateOnly.FromDateTime(BranchClock.ToLocal(Now, call.Branch.TimeZoneId).DateTime);

    private DateContext DateContext(AgentCall call)
    {
        var closed = ClosedDays.Of(call.Branch, holidays, Today(call), Today(call).AddDays(options.HorizonDays + 1));
        return new DateContext(BranchClock.ToLocal(Now, call.Branch.TimeZoneId).DateTime,
            day => closed.IsClosed(day) ? [] : call.Branch.OpeningHours.Where(h => h.Day == day.DayOfWeek).Select(h => (h.Opens, h.Closes)).ToList());
    }

    private static FunctionReply Invalid(string question, Dictionary<string, object?>? data = null) =>
        FunctionReply.Fail("invalid_input", question, data);

    private string Iso(DateTime utc, AgentCall call) => BranchClock.ToLocal(utc, call.Branch.TimeZoneId).ToString("yyyy-MM-dd'T'HH:mm:sszzz");

    private string Spoken(DateTime utc, AgentCall call) =>
        GermanSpeech.DateAndTime(BranchClock.ToLocal(utc, call.Branch.TimeZoneId).DateTime, Today(call));

    private List<OfferedSlot> Offered(IEnumerable<Slot> slots, AgentCall call) =>
        slots.Select(s => new OfferedSlot(Iso(s.StartUtc, call), Spoken(s.StartUtc, call))).ToList();

    /// <summary>Which service the caller means: said now, remembered from earlier in the call,
    /// or the only one there is. Null with the reply to give when it is unclear.</summary>
    private static (Service? Service, FunctionReply? Reply) ResolveService(FunctionArguments args, AgentCall call)
    {
        var services = call.Directory.Services;
        var list = string.Join(", ", services.Select(s => s.Name));
        if (args["dienstleistung"] is { } said)
        {
            var matches = NameMatcher.Services(said, services);
            return matches.Count switch
            {
                1 => (matches[0], null),
                0 => (null, FunctionReply.Fail("unknown_service", $"Diese Leistung bieten wir leider nicht an. Wir bieten: {list}.",
                    new() { ["services"] = services.Select(s => s.Name).ToList() })),
                _ => (null, Invalid($"Meinen Sie {GermanSpeech.Either(matches.Select(m => m.Name).ToList())}?",
                    new() { ["options"] = matches.Select(m => m.Name).ToList() })),
            };
        }
        if (call.SelectedServiceId is { } remembered && services.FirstOrDefault(s => s.Id == remembered) is { } known) return (known, null);
        if (services.Count == 1) return (services[0], null);
        return (null, Invalid($"Für welche Leistung möchten Sie einen Termin? Wir bieten: {list}."));
    }

    /// <summary>Staff who perform the service; narrowed to the one the caller named (or chose
    /// earlier in the call).</summary>
    private static (IReadOnlyList<Staff> Staff, FunctionReply? Reply) ResolveStaff(FunctionArguments args, AgentCall call, Service service)
    {
        var staff = call.Directory.Performing(call.Branch.Id, service.Id);
        if (args["mitarbeiter"] is { } said && !IsAnyone(said))
        {
            var matches = NameMatcher.Staff(said, staff);
            return matches.Count == 1
                ? (matches, null)
                : ([], Invalid(matches.Count == 0
                    ? $"Für {service.Name} kann ich bei {GermanSpeech.Either(staff.Select(s => s.Name).ToList())} buchen. Bei wem möchten Sie den Termin?"
                    : $"Meinen Sie {GermanSpeech.Either(matches.Select(m => m.Name).ToList())}?"));
        }
        if (call.SelectedStaffId is { } remembered && staff.FirstOrDefault(s => s.Id == remembered) is { } known && args["mitarbeiter"] is null)
            return ([known], null);
        return (staff, null);
    }

    private static bool IsAnyone(string said) =>
        said.Trim().ToLowerInvariant() is "egal" or "any" or "anyone" or "irgendwer" or "beliebig" or "egal wer" or "keine präferenz";

    /// <summary>Free slots of this service with these staff from a day on, as this caller may be
    /// offered them: other callers' holds are busy, the caller's own appointments are never offered.</summary>
    private Task<FreeSlots> FreeSlotsAsync(AgentCall call, Service service, IReadOnlyList<Staff> staff, DateOnly from, KnownCaller caller,
        CancellationToken ct, Guid? exceptAppointment = null, int days = SlotSearch.SearchDays)
    {
        var own = exceptAppointment is null ? caller.Upcoming.Select(a => a.Interval).ToList() : [];
        return slots.RunAsync(new SlotSearch(call.Branch, service, staff, from, call.Company.SlotGridMinutes, call.RetellCallId, exceptAppointment,
            own.Count == 0 ? null : slot => !own.Any(o => o.Overlaps(new TimeInterval(slot.StartUtc, slot.EndUtc))), Days: days), ct);
    }

    private static Task<KnownCaller> CallerAsync(AgentCall call, CancellationToken ct) => Task.FromResult(call.Known);

    internal static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
