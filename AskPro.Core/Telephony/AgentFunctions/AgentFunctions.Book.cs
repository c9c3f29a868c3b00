using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    /// <summary>book_appointment: books exactly the checked service at the wished start, once
    /// per call and slot (a retried call returns the same appointment); a slot someone else got
    /// first is slot_taken with fresh alternatives, never an error.</summary>
    private async Task<FunctionReply> BookAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var known = call.Caller is CallerId.Known caller ? await data.CustomerByPhoneAsync(E164Number.FromStorage(caller.Number.E164), ct) : null;
        var name = args["name"] ?? known?.Name;
        if (name is null) return FunctionReply.Fail("missing_name", "Auf welchen Namen darf ich den Termin buchen?");
        if (!PersonName.TryNormalize(name, out _)) return Invalid("Wie ist Ihr Name, bitte?");
        if (!EmailAddress.TryNormalize(args["email"], out var email)) return Invalid("Die E-Mail-Adresse habe ich nicht verstanden. Wie lautet sie?");

        var (service, serviceReply) = await ResolveServiceAsync(args, call, ct);
        if (service is null) return serviceReply!;
        var (staff, staffReply) = await ResolveStaffAsync(args, call, service, ct);
        if (staffReply is not null) return staffReply;

        var wish = GermanDateParser.Parse(args["datum"], args["uhrzeit"], DateContext(call));
        if (wish is DateWish.Question question) return Invalid(question.Text);
        if (wish is not DateWish.At at) return Invalid("Zu welcher Uhrzeit genau soll ich den Termin buchen?");
        var wishUtc = BranchClock.ToUtc(at.Date.ToDateTime(at.Time), call.Branch.TimeZoneId);

        if (await data.BookedByCallAsync(call.CallRowId, wishUtc, ct) is { } already) return Booked(already, service, call);

        var schedule = await ScheduleAsync(call, service, staff, at.Date, SearchDays, null, ct);
        var allowed = await NotOverlappingOwnAsync(call, ct);
        var free = new FreeSlots(schedule, service, allowed);
        var slot = Availability.FreeSlots(schedule, service.Duration, service.Buffer, at.Date).FirstOrDefault(s => s.StartUtc == wishUtc && allowed(s));
        if (slot is null) return SlotTaken(wishUtc, at.Date, at.Period, call, free);

        var customer = known ?? (await customers.RunAsync(new CustomerContact(name,
            call.Caller is CallerId.Known number ? number.Number.E164 : null, email, Region: call.CountryCode), ct)).Resolved;
        if (customer is null) return Invalid("Wie ist Ihr Name, bitte?");
        var outcome = await calendar.BookAsync(new BookingRequest(slot.StaffId, service.Id, customer.Id, wishUtc, AppointmentSource.Phone, call.CallRowId), ct);
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                await data.LinkAsync(call.CallRowId, customer.Id, booked.Appointment.Id, ct);
                await holds.ReleaseAsync(call.RetellCallId, ct);
                return Booked(booked.Appointment, service, call);
            case BookingOutcome.Conflict:
                // A retry of this very call may have won the race: then it is booked, once.
                if (await data.BookedByCallAsync(call.CallRowId, wishUtc, ct) is { } mine) return Booked(mine, service, call);
                var fresh = new FreeSlots(await ScheduleAsync(call, service, staff, at.Date, SearchDays, null, ct), service, allowed);
                return SlotTaken(wishUtc, at.Date, at.Period, call, fresh);
            default:
                return FunctionReply.Fail("error", "Das hat leider nicht geklappt. Ich notiere Ihren Wunsch, und wir rufen Sie zurück.");
        }
    }

    private FunctionReply SlotTaken(DateTime wishUtc, DateOnly day, (TimeOnly, TimeOnly)? period, AgentCall call, FreeSlots free)
    {
        // Not held: a failed booking offers, and check_availability holds what the caller picks.
        var local = BranchClock.ToLocal(wishUtc, call.Branch.TimeZoneId).DateTime;
        var alternatives = AlternativeRanking.Offer(AlternativeWish.At(day, TimeOnly.FromDateTime(local), period), call.Branch.TimeZoneId, free.On);
        var taken = free.ClosedOn(day) is { } closed ? closed.Sentence() : $"{Capitalize(Spoken(wishUtc, call))} ist leider nicht mehr frei.";
        return FunctionReply.Fail("slot_taken", alternatives.Count > 0
                ? $"{taken} Ich kann Ihnen {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())} anbieten."
                : $"{taken} In den nächsten zwei Wochen ist leider nichts frei.",
            new() { ["requested_start"] = Iso(wishUtc, call), ["alternatives"] = Offered(alternatives, call) });
    }

    private FunctionReply Booked(Appointment appointment, Service service, AgentCall call) =>
        FunctionReply.Ok("booked", $"Ihr Termin für {service.Name} ist {WithAm(Spoken(appointment.StartUtc, call))} gebucht.", new()
        {
            ["appointment_id"] = appointment.Id.ToString(),
            ["start"] = Iso(appointment.StartUtc, call),
            ["end"] = Iso(appointment.EndUtc, call),
            ["requested_start"] = Iso(appointment.StartUtc, call),
            ["service"] = service.Name,
            ["alternatives"] = new List<OfferedSlot>(),
        });

    /// <summary>"am Dienstag, 24. November, um 14:30 Uhr" but "heute um 15 Uhr".</summary>
    private static string WithAm(string spoken) => spoken.StartsWith("heute") || spoken.StartsWith("morgen") || spoken.StartsWith("übermorgen") ? spoken : "am " + spoken;
}
