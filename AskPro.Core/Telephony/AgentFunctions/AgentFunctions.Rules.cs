using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.GermanDates;

namespace AskPro.Core.Telephony.AgentFunctions;

public sealed partial class AgentFunctions
{
    /// <summary>Why the rules refuse a wished start whatever is booked, with the sentence the
    /// caller hears and what to offer instead (not yet held: the function decides).</summary>
    private sealed record RuleRefusal(string Status, string Message, IReadOnlyList<Slot> Alternatives);

    /// <summary>The one classification of a wished start that no booking could take: beyond the
    /// booking horizon (<c>too_far</c>), closed then — outside opening hours, a closed day, a
    /// public holiday (<c>outside_hours</c>) — or inside the minimum notice (<c>too_soon</c>).
    /// check_availability and book_appointment both answer with it, so a caller who books
    /// directly hears what a check would have said; null when the rules allow the start (it may
    /// still be taken). A past start never gets here: the date parser asks back.</summary>
    private RuleRefusal? RefusedByRules(DateWish.At at, DateTime wishUtc, AgentCall call, Service service, FreeSlots free)
    {
        var schedule = free.Schedule;
        string Offering(IReadOnlyList<Slot> offers) => GermanSpeech.Either(offers.Select(s => Spoken(s.StartUtc, call)).ToList());

        // First: beyond the horizon nothing is searched, so hours or alternatives there would mislead.
        if (wishUtc > schedule.LatestStartUtc)
            return new RuleRefusal("too_far", $"So weit im Voraus kann ich leider noch nicht buchen, wir vergeben Termine höchstens {options.HorizonDays} Tage im Voraus.", []);

        if (!Availability.WithinOpeningHours(schedule, at.Date, at.Time, service.Duration))
        {
            var offers = free.Offer(AlternativeWish.At(at.Date, at.Time, at.Period));
            var closed = schedule.Closed.On(at.Date) is { } reason
                ? reason.Sentence()
                : $"{Capitalize(Spoken(wishUtc, call))} haben wir leider geschlossen.";
            return new RuleRefusal("outside_hours", offers.Count > 0
                ? $"{closed} Frei wäre {Offering(offers)}."
                : $"{closed} In den nächsten zwei Wochen ist leider nichts frei.", offers);
        }

        if (wishUtc < schedule.EarliestStartUtc)
        {
            var offers = free.From(schedule.EarliestStartUtc, AlternativeRanking.Max);
            var notice = service.MinimumNoticeMinutes >= 120 ? $"{service.MinimumNoticeMinutes / 60} Stunden" : $"{service.MinimumNoticeMinutes} Minuten";
            return new RuleRefusal("too_soon", $"So kurzfristig kann ich leider nicht buchen, wir brauchen {notice} Vorlauf." +
                (offers.Count > 0 ? $" Frei wäre {Offering(offers)}." : ""), offers);
        }
        return null;
    }
}
