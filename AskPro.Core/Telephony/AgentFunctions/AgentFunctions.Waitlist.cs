using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Shared;
using AskPro.Core.Waitlist.JoinWaitlist;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    /// <summary>join_waitlist: nothing suits the caller, so they wait for the service (with the
    /// staff member they named, or anyone) in a range of days ("nächste Woche", "ab Montag", with
    /// bis_datum "bis 24.12."); a freed slot then reaches them by SMS or e-mail with a booking link.
    /// Reachable is required: the caller's number, a number they give, or an e-mail address.</summary>
    private async Task<FunctionReply> JoinWaitlistAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var (service, serviceReply) = ResolveService(args, call);
        if (service is null) return serviceReply!;
        var (staff, staffReply) = ResolveStaff(args, call, service);
        if (staffReply is not null) return staffReply;
        if (staff.Count == 0) return FunctionReply.Fail("unavailable", $"Für {service.Name} ist hier leider niemand eingeplant.");
        Guid? staffId = args["mitarbeiter"] is { } said && !IsAnyone(said) ? staff[0].Id : null;

        var caller = await CallerAsync(call, ct);
        var name = args["name"] ?? caller.Customer?.Name;
        if (name is null) return FunctionReply.Fail("missing_name", "Auf welchen Namen darf ich Sie auf die Warteliste setzen?");
        if (!PersonName.TryNormalize(name, out _)) return Invalid("Wie ist Ihr Name, bitte?");
        if (!EmailAddress.TryNormalize(args["email"], out var email)) return Invalid("Die E-Mail-Adresse habe ich nicht verstanden. Wie lautet sie?");
        string? phone = call.Caller is CallerId.Known known ? known.Number.E164 : null;
        if (phone is null && args["telefon"] is { } typed)
        {
            if (!E164Number.TryParse(typed, call.Company.CountryCode, out var number)) return Invalid("Unter welcher Nummer dürfen wir Ihnen schreiben?");
            phone = number.Value;
        }
        if (phone is null && email is null && caller.Customer is null)
            return Invalid("Unter welcher Handynummer oder E-Mail-Adresse dürfen wir Ihnen Bescheid geben?");

        var (from, to, question) = WaitlistDays(args, call);
        if (question is not null) return Invalid(question);

        var contact = caller.Customer is null ? new CustomerContact(name, phone, email, Region: call.Company.CountryCode) : null;
        var outcome = await waitlist.RunAsync(new JoinWaitlistRequest(call.Branch.Id, service.Id, staffId, from, to, caller.Customer?.Id ?? Guid.Empty, contact,
            AppointmentSource.Phone, "phone"), ct);
        if (outcome is JoinWaitlistOutcome.Invalid invalid) return Invalid(invalid.Reason);
        var entry = ((JoinWaitlistOutcome.Joined)outcome).Entry;
        var days = entry.FromDay == entry.ToDay
            ? GermanSpeech.Date(entry.FromDay, Today(call))
            : $"zwischen {GermanSpeech.Date(entry.FromDay, Today(call))} und {GermanSpeech.Date(entry.ToDay, Today(call))}";
        return FunctionReply.Ok("waitlisted", $"Ich habe Sie für {service.Name} {days} auf die Warteliste gesetzt. "
            + "Wird ein Termin frei, schicken wir Ihnen eine Nachricht mit einem Link; wer zuerst bucht, bekommt ihn.", new()
        {
            ["waitlist_id"] = entry.Id.ToString(), ["service"] = service.Name,
            ["from"] = entry.FromDay.ToString("yyyy-MM-dd"), ["to"] = entry.ToDay.ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>The days the caller waits for: what datum says (a day or a range), up to bis_datum
    /// when given; without any, the next two weeks. A question when a date cannot be read.</summary>
    private (DateOnly From, DateOnly To, string? Question) WaitlistDays(FunctionArguments args, AgentCall call)
    {
        var context = DateContext(call);
        var today = Today(call);
        (DateOnly, DateOnly)? Read(string? said, out string? question)
        {
            question = null;
            if (said is null) return null;
            switch (GermanDateParser.Parse(said, null, context))
            {
                case DateWish.Question q: question = q.Text; return null;
                case DateWish.Days d: return (d.First, d.Last);
                case DateWish.Day d: return (d.Date, d.Date);
                case DateWish.At a: return (a.Date, a.Date);
                case DateWish.Within w: return (w.Date, w.Date);
                default: question = "Für welchen Zeitraum möchten Sie auf die Warteliste?"; return null;
            }
        }
        var start = Read(args["datum"], out var askStart);
        if (askStart is not null) return (today, today, askStart);
        var end = Read(args["bis_datum"], out var askEnd);
        if (askEnd is not null) return (today, today, askEnd);
        var from = start?.Item1 ?? today;
        var to = end?.Item2 ?? start?.Item2 ?? today.AddDays(SlotSearch.SearchDays - 1);
        return (from, to, null);
    }
}
