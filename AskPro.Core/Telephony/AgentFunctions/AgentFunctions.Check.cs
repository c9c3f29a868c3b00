using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    /// <summary>check_availability: is the wish free; if not, up to three alternatives. Whatever
    /// is offered is held for this call for a few minutes.</summary>
    private async Task<FunctionReply> CheckAsync(FunctionArguments args, AgentCall call, CancellationToken ct)
    {
        var (service, serviceReply) = ResolveService(args, call);
        if (service is null) return serviceReply!;
        var (staff, staffReply) = ResolveStaff(args, call, service);
        if (staffReply is not null) return staffReply;
        if (staff.Count == 0) return FunctionReply.Fail("unavailable", $"Für {service.Name} ist hier leider niemand eingeplant.");

        var wish = GermanDateParser.Parse(args["datum"], args["uhrzeit"], DateContext(call));
        if (wish is DateWish.Question question) return Invalid(question.Text);

        var chosenStaff = staff.Count == 1 ? staff[0].Id : (Guid?)null;
        if (call.SelectedServiceId != service.Id || call.SelectedStaffId != chosenStaff)
            await data.RememberSelectionAsync(call.CallRowId, service.Id, chosenStaff, ct);
        var day = wish switch { DateWish.At a => a.Date, DateWish.Within w => w.Date, DateWish.Day d => d.Date, DateWish.Days s => s.First, _ => Today(call) };
        var spanDays = wish is DateWish.Days many ? many.Last.DayNumber - many.First.DayNumber + 1 : 1;
        var free = await FreeSlotsAsync(call, service, staff, day, await CallerAsync(call, ct), ct, days: spanDays + SlotSearch.SearchDays);

        return wish switch
        {
            DateWish.At at => await CheckPointAsync(at, call, service, free, ct),
            DateWish.Within within => await CheckSpanAsync(within.Date, within.From, within.To, call, service, free, ct),
            DateWish.Day whole => await CheckSpanAsync(whole.Date, TimeOnly.MinValue, TimeOnly.MaxValue, call, service, free, ct),
            DateWish.Days span => await CheckDaysAsync(span, call, service, free, ct),
            _ => Invalid("Für welchen Tag möchten Sie den Termin?"),
        };
    }

    private async Task<FunctionReply> CheckPointAsync(DateWish.At at, AgentCall call, Service service, FreeSlots free, CancellationToken ct)
    {
        var schedule = free.Schedule;
        var zone = call.Branch.TimeZoneId;
        var wishUtc = BranchClock.ToUtc(at.Date.ToDateTime(at.Time), zone);
        var reply = new Dictionary<string, object?> { ["requested_start"] = Iso(wishUtc, call), ["service"] = service.Name };

        if (RefusedByRules(at, wishUtc, call, service, free) is { } refused)
        {
            await slots.HoldAsync(call.RetellCallId, service, refused.Alternatives, ct);
            reply["alternatives"] = Offered(refused.Alternatives, call);
            return FunctionReply.Ok(refused.Status, refused.Message, reply);
        }

        if (free.On(at.Date).FirstOrDefault(s => s.StartUtc == wishUtc) is { } exact)
        {
            await slots.HoldAsync(call.RetellCallId, service, [exact], ct);
            reply["alternatives"] = new List<OfferedSlot>();
            reply["staff"] = schedule.Staff.First(s => s.StaffId == exact.StaffId).Name;
            return FunctionReply.Ok("available", $"{Capitalize(Spoken(wishUtc, call))} ist ein Termin für {service.Name} frei. Soll ich ihn für Sie buchen?", reply);
        }

        var alternatives = free.Offer(AlternativeWish.At(at.Date, at.Time, at.Period));
        await slots.HoldAsync(call.RetellCallId, service, alternatives, ct);
        reply["alternatives"] = Offered(alternatives, call);
        // "fünf vor halb vier" (15:25) is no start on a quarter-hour grid: not "belegt", just not a slot.
        var offGrid = (at.Time.Hour * 60 + at.Time.Minute) % Math.Max(5, free.Schedule.GridMinutes) != 0;
        return FunctionReply.Ok("unavailable", alternatives.Count > 0
            ? $"{Capitalize(Spoken(wishUtc, call))} ist leider {(offGrid ? "kein Termin möglich" : "schon belegt")}. Ich kann Ihnen {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())} anbieten."
            : $"{Capitalize(Spoken(wishUtc, call))} ist leider schon belegt, und in den nächsten zwei Wochen ist nichts frei.", reply);
    }

    /// <summary>A window or a whole day: up to three free starts spread over it.</summary>
    private async Task<FunctionReply> CheckSpanAsync(DateOnly day, TimeOnly from, TimeOnly to, AgentCall call, Service service, FreeSlots free, CancellationToken ct)
    {
        var zone = call.Branch.TimeZoneId;
        var fromUtc = BranchClock.ToUtc(day.ToDateTime(from), zone);
        var toUtc = to == TimeOnly.MaxValue ? DateTime.MaxValue : BranchClock.ToUtc(day.ToDateTime(to), zone);
        var reply = new Dictionary<string, object?> { ["requested_start"] = Iso(fromUtc, call), ["service"] = service.Name };
        var inside = free.Within(day, fromUtc, toUtc);
        if (inside.Count > 0)
        {
            await slots.HoldAsync(call.RetellCallId, service, inside, ct);
            reply["alternatives"] = Offered(inside, call);
            return FunctionReply.Ok("available",
                $"Frei wäre {GermanSpeech.Either(inside.Select(s => Spoken(s.StartUtc, call)).ToList())}. Welche Uhrzeit passt Ihnen?", reply);
        }

        // Nothing inside the window: the same window on the next open days ("nachmittags" stays afternoon).
        var alternatives = free.Offer(new AlternativeWish(day, from, from, to));
        await slots.HoldAsync(call.RetellCallId, service, alternatives, ct);
        reply["alternatives"] = Offered(alternatives, call);
        var wished = GermanSpeech.Date(day, Today(call));
        if (free.ClosedOn(day) is { } closed)
            return FunctionReply.Ok("outside_hours", alternatives.Count > 0
                ? $"{closed.Sentence()} Frei wäre {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())}."
                : $"{closed.Sentence()} In den nächsten zwei Wochen ist leider nichts frei.", reply);
        if (!free.OpenDuring(day, from, to))
        {
            // "Mittwoch nachmittags" at a practice open only Wednesday mornings: closed, not "booked up".
            var closedThen = $"{Capitalize(wished)}{(wished.Contains(',') ? "," : "")} haben wir {(to == TimeOnly.MaxValue ? "" : "zu dieser Zeit ")}leider geschlossen.";
            return FunctionReply.Ok("outside_hours", alternatives.Count > 0
                ? $"{closedThen} Frei wäre {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())}."
                : $"{closedThen} In den nächsten zwei Wochen ist leider nichts frei.", reply);
        }
        return FunctionReply.Ok("unavailable", alternatives.Count > 0
            ? $"{Capitalize(wished)} ist leider nichts mehr frei. Ich kann Ihnen {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())} anbieten."
            : $"{Capitalize(wished)} und in den zwei Wochen danach ist leider nichts frei.", reply);
    }

    /// <summary>Several days ("Ende nächster Woche", "am Wochenende vormittags"): the earliest
    /// free start on each of the first days that have one, inside the time of day asked for.</summary>
    private async Task<FunctionReply> CheckDaysAsync(DateWish.Days span, AgentCall call, Service service, FreeSlots free, CancellationToken ct)
    {
        var zone = call.Branch.TimeZoneId;
        var today = Today(call);
        var reply = new Dictionary<string, object?> { ["requested_start"] = Iso(BranchClock.ToUtc(span.First.ToDateTime(span.From), zone), call), ["service"] = service.Name };
        var perDay = new List<IReadOnlyList<Slot>>();
        for (var d = span.First; d <= span.Last; d = d.AddDays(1))
            perDay.Add(free.On(d).Where(s => TimeOnly.FromDateTime(BranchClock.ToLocal(s.StartUtc, zone).DateTime) is var t && t >= span.From && t < span.To).ToList());
        var inside = Alternatives.AcrossDays(perDay);
        if (inside.Count > 0)
        {
            await slots.HoldAsync(call.RetellCallId, service, inside, ct);
            reply["alternatives"] = Offered(inside, call);
            return FunctionReply.Ok("available",
                $"Frei wäre {GermanSpeech.Either(inside.Select(s => Spoken(s.StartUtc, call)).ToList())}. Was passt Ihnen?", reply);
        }

        var alternatives = free.Offer(new AlternativeWish(span.Last.AddDays(1), span.From, span.From, span.To));
        await slots.HoldAsync(call.RetellCallId, service, alternatives, ct);
        reply["alternatives"] = Offered(alternatives, call);
        var wished = $"Zwischen {GermanSpeech.Date(span.First, today)} und {GermanSpeech.Date(span.Last, today)}";
        return FunctionReply.Ok("unavailable", alternatives.Count > 0
            ? $"{wished} ist leider nichts frei. Ich kann Ihnen {GermanSpeech.Either(alternatives.Select(s => Spoken(s.StartUtc, call)).ToList())} anbieten."
            : $"{wished} und in den zwei Wochen danach ist leider nichts frei.", reply);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
