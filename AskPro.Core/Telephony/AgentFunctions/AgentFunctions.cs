using System.Diagnostics;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>Tunables of the phone booking flow (section "Agent").</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";
    public int HoldMinutes { get; set; } = 5;
    public int HorizonDays { get; set; } = 90;
}

/// <summary>The functions the voice agent calls mid-call (CONTRACTS.md). One public method;
/// every outcome is a <see cref="FunctionReply"/> with a German sentence for the ear.</summary>
public sealed partial class AgentFunctions(
    IAgentData data, IHoldStore holds, ICalendarProvider calendar, Customers.FindOrCreateCustomer customers, IPublicHolidayCalendar holidays,
    TimeProvider clock, AgentOptions options)
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>
    {
        "initialize_call", "list_services", "check_availability", "book_appointment", "collect_appointment_data",
        "get_customer_appointments", "cancel_appointment", "reschedule_appointment", "request_callback",
    };

    public Task<FunctionReply> RunAsync(string name, FunctionArguments args, AgentCall call, CancellationToken ct) => name switch
    {
        "initialize_call" => InitializeAsync(call, ct),
        "list_services" => ListServicesAsync(ct),
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
        _ => Task.FromResult(FunctionReply.Fail("unknown_function", "Diese Funktion kenne ich nicht.")),
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today(AgentCall call) => DateOnly.FromDateTime(BranchClock.ToLocal(Now, call.Branch.TimeZoneId).DateTime);

    private DateContext DateContext(AgentCall call)
    {
        var closed = ClosedDaysFor(call, Today(call), options.HorizonDays + 1);
        return new(BranchClock.ToLocal(Now, call.Branch.TimeZoneId).DateTime,
            day => closed.IsClosed(day) ? [] : call.Branch.OpeningHours.Where(h => h.Day == day.DayOfWeek).Select(h => (h.Opens, h.Closes)).ToList());
    }

    /// <summary>The branch's closures and its region's public holidays over these days.</summary>
    private ClosedDays ClosedDaysFor(AgentCall call, DateOnly from, int days) =>
        ClosedDays.Of(call.Branch, holidays, from, from.AddDays(days));

    private static FunctionReply Invalid(string question, Dictionary<string, object?>? data = null) =>
        FunctionReply.Fail("invalid_input", question, data);

    private string Iso(DateTime utc, AgentCall call) => BranchClock.ToLocal(utc, call.Branch.TimeZoneId).ToString("yyyy-MM-dd'T'HH:mm:sszzz");

    private string Spoken(DateTime utc, AgentCall call) =>
        GermanSpeech.DateAndTime(BranchClock.ToLocal(utc, call.Branch.TimeZoneId).DateTime, Today(call));

    private List<OfferedSlot> Offered(IEnumerable<Slot> slots, AgentCall call) =>
        slots.Select(s => new OfferedSlot(Iso(s.StartUtc, call), Spoken(s.StartUtc, call))).ToList();

    /// <summary>Which service the caller means: said now, remembered from earlier in the call,
    /// or the only one there is. Null with the reply to give when it is unclear.</summary>
    private async Task<(Service? Service, FunctionReply? Reply)> ResolveServiceAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var services = await data.ServicesAsync(ct);
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
    private async Task<(IReadOnlyList<Staff> Staff, FunctionReply? Reply)> ResolveStaffAsync(FunctionArguments args, AgentCall call, Service service, CancellationToken ct)
    {
        var staff = (await data.StaffAsync(call.Branch.Id, ct)).Where(s => s.Services.Any(x => x.Id == service.Id)).ToList();
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

    /// <summary>Everything availability needs for these days: hours, staff, appointments,
    /// the provider's busy time and other callers' holds.</summary>
    private async Task<ScheduleSnapshot> ScheduleAsync(AgentCall call, Service service, IReadOnlyList<Staff> staff, DateOnly from, int days,
        Guid? exceptAppointment, CancellationToken ct)
    {
        var zone = call.Branch.TimeZoneId;
        var range = new TimeInterval(BranchClock.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone), BranchClock.ToUtc(from.AddDays(days).ToDateTime(TimeOnly.MinValue), zone));
        var staffIds = staff.Select(s => s.Id).ToList();
        var busy = new List<BusyTime>(await data.BookedAsync(staffIds, range, exceptAppointment, ct));
        busy.AddRange(await calendar.ExternalBusyAsync(staffIds, range, ct));
        busy.AddRange(await holds.HeldByOthersAsync(call.RetellCallId, staffIds, range, ct));
        return new ScheduleSnapshot(zone, call.Branch.OpeningHours, ClosedDaysFor(call, from, days),
            staff.Select(s => new StaffSchedule(s.Id, s.Name, s.WorkingHours)).ToList(), busy, call.GridMinutes,
            Now.AddMinutes(service.MinimumNoticeMinutes), Now.AddDays(options.HorizonDays));
    }

    private async Task HoldAsync(AgentCall call, Service service, IEnumerable<Slot> slots, CancellationToken ct)
    {
        var toHold = slots.Select(s => new SlotToHold(s.StaffId, new TimeInterval(s.StartUtc, s.EndUtc + service.Buffer))).ToList();
        if (toHold.Count > 0) await holds.HoldAsync(call.RetellCallId, toHold, TimeSpan.FromMinutes(options.HoldMinutes), ct);
    }

    /// <summary>The caller's own active appointments (never offered as alternatives).</summary>
    private async Task<Func<Slot, bool>> NotOverlappingOwnAsync(AgentCall call, CancellationToken ct)
    {
        if (call.Caller is not CallerId.Known known || await data.CustomerByPhoneAsync(E164Number.FromStorage(known.Number.E164), ct) is not { } customer)
            return _ => true;
        var own = (await data.UpcomingAsync(customer.Id, Now, ct)).Select(a => a.Interval).ToList();
        return slot => !own.Any(o => o.Overlaps(new TimeInterval(slot.StartUtc, slot.EndUtc)));
    }

    internal static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
