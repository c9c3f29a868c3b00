using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    private const string AnonymousMessage =
        "Ihre Rufnummer wird nicht übertragen, daher kann ich Ihre Termine nicht sehen. Soll jemand Sie zurückrufen?";

    private async Task<FunctionReply> InitializeAsync(AgentCall call, CancellationToken ct)
    {
        var today = Today(call);
        var customer = (await CallerAsync(call, ct)).Customer;
        var firstName = customer?.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return FunctionReply.Ok("ok", customer is null
            ? $"Guten Tag, hier ist {call.Branch.Name}. Wie kann ich Ihnen helfen?"
            : $"Guten Tag {firstName}, hier ist {call.Branch.Name}. Wie kann ich Ihnen helfen?", new()
        {
            ["today"] = today.ToString("yyyy-MM-dd"),
            ["weekday"] = today.ToString("dddd", System.Globalization.CultureInfo.GetCultureInfo("de-DE")),
            ["company"] = call.Company.Name,
            ["branch"] = call.Branch.Name,
            ["known_customer"] = customer is not null,
            ["first_name"] = firstName,
        });
    }

    private static FunctionReply ListServices(AgentCall call)
    {
        var services = call.Directory.Services;
        var spoken = services.Select(s => s.Price.Cents > 0
            ? $"{s.Name} ({s.DurationMinutes} Minuten, {Euros(s.Price)})"
            : $"{s.Name} ({s.DurationMinutes} Minuten, kostenlos)").ToList();
        return FunctionReply.Ok("ok", $"Wir bieten {GermanSpeech.Either(spoken).Replace(" oder ", " und ")} an.", new()
        {
            ["services"] = services.Select(s => new Dictionary<string, object?>
            {
                ["name"] = s.Name, ["duration_minutes"] = s.DurationMinutes, ["price_cents"] = s.Price.Cents,
            }).ToList(),
        });
    }

    private static string Euros(Money price) => price.Cents % 100 == 0 ? $"{price.Cents / 100} Euro" : $"{price.Cents / 100},{price.Cents % 100:00} Euro";

    private async Task<FunctionReply> ListAppointmentsAsync(AgentCall call, CancellationToken ct)
    {
        if (call.Caller is not CallerId.Known) return FunctionReply.Fail("anonymous", AnonymousMessage);
        var (customer, upcoming) = await CallerAsync(call, ct);
        if (customer is null) return FunctionReply.Fail("not_found", "Unter Ihrer Nummer finde ich keine Termine.");
        if (upcoming.Count == 0) return FunctionReply.Fail("not_found", "Sie haben zurzeit keine anstehenden Termine.");
        var services = call.Directory.Services.ToDictionary(s => s.Id, s => s.Name);
        var spoken = upcoming.Select(a => $"{services.GetValueOrDefault(a.ServiceId, "Termin")} {WithAm(Spoken(a.StartUtc, call))}").ToList();
        return FunctionReply.Ok("ok", upcoming.Count == 1 ? $"Sie haben einen Termin: {spoken[0]}." : $"Sie haben {upcoming.Count} Termine: {GermanSpeech.Either(spoken).Replace(" oder ", " und ")}.", new()
        {
            ["appointments"] = upcoming.Select(a => new Dictionary<string, object?>
            {
                ["appointment_id"] = a.Id.ToString(), ["start"] = Iso(a.StartUtc, call), ["service"] = services.GetValueOrDefault(a.ServiceId),
            }).ToList(),
        });
    }

    private async Task<FunctionReply> CancelAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var (appointment, reply) = await FindCallersAppointmentAsync(args, call, ct);
        if (appointment is null) return reply!;
        var outcome = await cancel.RunAsync(new CancelRequest(appointment.Id, args["grund"] ?? "Vom Anrufer abgesagt", AppointmentSource.Phone, "phone"), ct);
        return outcome switch
        {
            CancelOutcome.Cancelled => FunctionReply.Ok("cancelled", $"Ihr Termin {WithAm(Spoken(appointment.StartUtc, call))} ist abgesagt.",
                new() { ["appointment_id"] = appointment.Id.ToString() }),
            CancelOutcome.PolicyViolated => TooLate(call, appointment),
            _ => FunctionReply.Fail("not_found", "Diesen Termin finde ich unter Ihrer Nummer nicht."),
        };
    }

    private async Task<FunctionReply> RescheduleAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var (appointment, reply) = await FindCallersAppointmentAsync(args, call, ct);
        if (appointment is null) return reply!;
        var service = call.Directory.Service(appointment.ServiceId);
        if (service is null) return FunctionReply.Fail("error", "Diesen Termin kann ich leider nicht verschieben. Bitte rufen Sie uns direkt an.");
        if (BookingPolicy.CheckChange(service, appointment, Now, AppointmentSource.Phone) is not null) return TooLate(call, appointment);

        var wish = GermanDateParser.Parse(args["neues_datum"], args["neue_uhrzeit"], DateContext(call));
        if (wish is DateWish.Question question) return Invalid(question.Text);
        if (wish is not DateWish.At at) return Invalid("Auf welche Uhrzeit genau soll ich den Termin verschieben?");
        var wishUtc = BranchClock.ToUtc(at.Date.ToDateTime(at.Time), call.Branch.TimeZoneId);
        var result = new Dictionary<string, object?> { ["appointment_id"] = appointment.Id.ToString(), ["requested_start"] = Iso(wishUtc, call) };

        var staff = call.Directory.Staff.Where(s => s.Id == appointment.StaffId).ToList();
        var free = await FreeSlotsAsync(call, service, staff, at.Date, KnownCaller.Unknown, ct, exceptAppointment: appointment.Id);
        if (free.On(at.Date).Any(s => s.StartUtc == wishUtc)
            && await reschedule.RunAsync(new RescheduleRequest(appointment.Id, wishUtc, AppointmentSource.Phone, "phone"), ct) is RescheduleOutcome.Moved)
        {
            await slots.ReleaseAsync(call.RetellCallId, ct);
            result["start"] = Iso(wishUtc, call);
            return FunctionReply.Ok("rescheduled", $"Ich habe Ihren Termin auf {Spoken(wishUtc, call)} verschoben.", result);
        }

        var alternatives = free.Offer(AlternativeWish.At(at.Date, at.Time, at.Period));
        await slots.HoldAsync(call.RetellCallId, service, alternatives, ct);
        result["alternatives"] = Offered(alternatives, call);
        return FunctionReply.Ok("unavailable", alternatives.Count > 0
            ? $"{Capitalize(Spoken(wishUtc, call))} ist leider nicht frei. Ich kann Ihnen {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())} anbieten."
            : $"{Capitalize(Spoken(wishUtc, call))} ist leider nicht frei.", result);
    }

    private async Task<FunctionReply> CallbackAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        E164Number? phone = call.Caller is CallerId.Known known ? E164Number.FromStorage(known.Number.E164) : null;
        if (phone is null && args["telefon"] is { } typed)
        {
            if (!E164Number.TryParse(typed, call.Company.CountryCode, out phone)) return Invalid("Unter welcher Nummer dürfen wir Sie zurückrufen?");
        }
        if (phone is null) return Invalid("Unter welcher Nummer dürfen wir Sie zurückrufen?");
        var name = args["name"];
        if (name is not null && !PersonName.TryNormalize(name, out _)) return Invalid("Wie ist Ihr Name, bitte?");
        var customer = (await CallerAsync(call, ct)).Customer;
        await data.AddCallbackAsync(new CallbackRequest
        {
            CallId = call.CallRowId, CustomerId = customer?.Id, Phone = phone, Name = name ?? customer?.Name ?? "",
            Reason = args["grund"] ?? "", CreatedAt = Now,
        }, ct);
        return FunctionReply.Ok("queued", "Gern, wir rufen Sie so bald wie möglich zurück.");
    }

    /// <summary>One of the caller's own upcoming appointments: by id, by date/time, or the only
    /// one. Never anybody else's, never for an anonymous caller.</summary>
    private async Task<(Appointment? Appointment, FunctionReply? Reply)> FindCallersAppointmentAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        if (call.Caller is not CallerId.Known) return (null, FunctionReply.Fail("anonymous", AnonymousMessage));
        var upcoming = (await CallerAsync(call, ct)).Upcoming;
        if (upcoming.Count == 0) return (null, FunctionReply.Fail("not_found", "Unter Ihrer Nummer finde ich keinen anstehenden Termin."));

        if (args["termin_id"] is { } id)
            return Guid.TryParse(id, out var guid) && upcoming.FirstOrDefault(a => a.Id == guid) is { } byId
                ? (byId, null)
                : (null, FunctionReply.Fail("not_found", "Diesen Termin finde ich unter Ihrer Nummer nicht."));

        if (args["datum"] is not null || args["uhrzeit"] is not null)
        {
            var wish = GermanDateParser.Parse(args["datum"], args["uhrzeit"], DateContext(call));
            var zone = call.Branch.TimeZoneId;
            var matches = upcoming.Where(a => wish switch
            {
                DateWish.At at => a.StartUtc == BranchClock.ToUtc(at.Date.ToDateTime(at.Time), zone),
                DateWish.Day d => DateOnly.FromDateTime(BranchClock.ToLocal(a.StartUtc, zone).DateTime) == d.Date,
                DateWish.Within w => DateOnly.FromDateTime(BranchClock.ToLocal(a.StartUtc, zone).DateTime) == w.Date,
                DateWish.Days span => DateOnly.FromDateTime(BranchClock.ToLocal(a.StartUtc, zone).DateTime) is var local && local >= span.First && local <= span.Last,
                _ => false,
            }).ToList();
            if (matches.Count == 1) return (matches[0], null);
            if (matches.Count == 0) return (null, FunctionReply.Fail("not_found", "Zu diesem Zeitpunkt finde ich keinen Termin von Ihnen."));
        }
        if (upcoming.Count == 1) return (upcoming[0], null);
        return (null, FunctionReply.Fail("not_found",
            $"Sie haben mehrere Termine: {GermanSpeech.Either(upcoming.Select(a => Spoken(a.StartUtc, call)).ToList())}. Welchen meinen Sie?"));
    }

    private static FunctionReply TooLate(AgentCall call, Appointment appointment)
    {
        var hours = BookingPolicy.CancellationNoticeHours(call.Directory.Service(appointment.ServiceId));
        return FunctionReply.Fail("too_late", $"Termine können nur bis {hours} Stunden vorher abgesagt oder verschoben werden. Bitte rufen Sie uns direkt an, dann finden wir eine Lösung.");
    }
}
