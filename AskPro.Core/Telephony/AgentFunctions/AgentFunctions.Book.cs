using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    /// <summary>book_appointment: books exactly the checked service at the wished start, once
    /// per call and slot (a retried call returns the same appointment). A start the rules refuse
    /// (closed then, too soon, too far ahead) is answered as check_availability answers it; only a
    /// start the rules allow that someone else got first is slot_taken with fresh alternatives,
    /// never an error.</summary>
    private async Task<FunctionReply> BookAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var caller = await CallerAsync(call, ct);
        var name = args["name"] ?? caller.Customer?.Name;
        if (name is null) return FunctionReply.Fail("missing_name", "Auf welchen Namen darf ich den Termin buchen?");
        if (!PersonName.TryNormalize(name, out _)) return Invalid("Wie ist Ihr Name, bitte?");
        if (!EmailAddress.TryNormalize(args["email"], out var email)) return Invalid("Die E-Mail-Adresse habe ich nicht verstanden. Wie lautet sie?");

        var (service, serviceReply) = ResolveService(args, call);
        if (service is null) return serviceReply!;
        var (staff, staffReply) = ResolveStaff(args, call, service);
        if (staffReply is not null) return staffReply;

        var wish = GermanDateParser.Parse(args["datum"], args["uhrzeit"], DateContext(call));
        if (wish is DateWish.Question question) return Invalid(question.Text);
        if (wish is not DateWish.At at) return Invalid("Zu welcher Uhrzeit genau soll ich den Termin buchen?");
        var wishUtc = BranchClock.ToUtc(at.Date.ToDateTime(at.Time), call.Branch.TimeZoneId);

        if (await AlreadyBookedAsync(call, caller, wishUtc, ct) is { } already) return Booked(already, service, call);

        var free = await FreeSlotsAsync(call, service, staff, at.Date, caller, ct);
        if (free.At(at.Date, wishUtc) is not { } slot) return NotBooked(at, wishUtc, call, service, free);

        // A new caller becomes a customer inside Book, once the booking itself checked out.
        var contact = caller.Customer is null
            ? new CustomerContact(name, call.Caller is CallerId.Known number ? number.Number.E164 : null, email, Region: call.Company.CountryCode)
            : null;
        var outcome = await book.RunAsync(new BookRequest(slot.StaffId, service.Id, caller.Customer?.Id ?? Guid.Empty, wishUtc, AppointmentSource.Phone, "phone",
            call.CallRowId, Contact: contact), ct);
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                await slots.ReleaseAsync(call.RetellCallId, ct);
                return Booked(booked.Appointment, service, call);
            case BookingOutcome.SlotTaken:
                // A retry of this very call may have won the race: then it is booked, once.
                if (await data.BookedByCallAsync(call.CallRowId, wishUtc, ct) is { } mine) return Booked(mine, service, call);
                return SlotTaken(wishUtc, at.Date, at.Period, call, await FreeSlotsAsync(call, service, staff, at.Date, caller, ct));
            case BookingOutcome.PolicyViolated { Rule: BookingRule.MinimumNotice or BookingRule.BookingHorizon or BookingRule.OutsideHours }:
                // Book read the rules a moment later (the clock may have passed the notice): read again and say which rule; taken if none.
                return NotBooked(at, wishUtc, call, service, await FreeSlotsAsync(call, service, staff, at.Date, caller, ct));
            case BookingOutcome.CalendarRefused { Unavailable: true } unavailable:
                return FunctionReply.Fail("error", unavailable.AgentMessage, new() { ["requested_start"] = Iso(wishUtc, call), ["callback_offered"] = true });
            case BookingOutcome.CalendarRefused:
                // Cal.com knows something AskPro did not (booked on its own page): fresh alternatives.
                return SlotTaken(wishUtc, at.Date, at.Period, call, await FreeSlotsAsync(call, service, staff, at.Date, caller, ct));
            case BookingOutcome.Pending pending:
                await slots.ReleaseAsync(call.RetellCallId, ct);
                return FunctionReply.Ok("booked", $"Ich habe Ihren Termin für {service.Name} {WithAm(Spoken(pending.Appointment.StartUtc, call))} vorgemerkt. "
                    + "Der Kalender bestätigt ihn gerade noch; sollte etwas nicht klappen, rufen wir Sie zurück.", new()
                {
                    ["appointment_id"] = pending.Appointment.Id.ToString(), ["start"] = Iso(pending.Appointment.StartUtc, call),
                    ["requested_start"] = Iso(pending.Appointment.StartUtc, call), ["service"] = service.Name, ["pending"] = true,
                    ["alternatives"] = new List<OfferedSlot>(),
                });
            default:
                return FunctionReply.Fail("error", "Das hat leider nicht geklappt. Ich notiere Ihren Wunsch, und wir rufen Sie zurück.");
        }
    }

    /// <summary>This call's own booking at this start: among the caller's upcoming appointments,
    /// or (anonymous caller) looked up by the call.</summary>
    private async Task<Appointment?> AlreadyBookedAsync(AgentCall call, KnownCaller caller, DateTime wishUtc, CancellationToken ct) =>
        caller.Customer is not null
            ? caller.Upcoming.FirstOrDefault(a => a.CallId == call.CallRowId && a.StartUtc == wishUtc)
            : await data.BookedByCallAsync(call.CallRowId, wishUtc, ct);

    /// <summary>A wish not among the free slots: refused by the rules, in check_availability's
    /// words and status, or else taken. Neither holds its alternatives: a failed booking offers,
    /// and check_availability holds what the caller picks.</summary>
    private FunctionReply NotBooked(DateWish.At at, DateTime wishUtc, AgentCall call, Service service, FreeSlots free) =>
        RefusedByRules(at, wishUtc, call, service, free) is { } refused
            ? FunctionReply.Fail(refused.Status, refused.Message,
                new() { ["requested_start"] = Iso(wishUtc, call), ["service"] = service.Name, ["alternatives"] = Offered(refused.Alternatives, call) })
            : SlotTaken(wishUtc, at.Date, at.Period, call, free);

    private FunctionReply SlotTaken(DateTime wishUtc, DateOnly day, (TimeOnly, TimeOnly)? period, AgentCall call, FreeSlots free)
    {
        var local = BranchClock.ToLocal(wishUtc, call.Branch.TimeZoneId).DateTime;
        var alternatives = free.Offer(AlternativeWish.At(day, TimeOnly.FromDateTime(local), period));
        var taken = $"{Capitalize(Spoken(wishUtc, call))} ist leider nicht mehr frei.";
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
