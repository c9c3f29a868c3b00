using System.Collections.Concurrent;
using AskPro.Core.Scheduling.GermanDates;
using AskPro.Core.Scheduling.Holidays;
using Package = PublicHoliday;

namespace AskPro.Infrastructure.Booking;

/// <summary>Public holidays from the PublicHoliday package: the 16 German states (by
/// <c>GermanPublicHoliday.States</c>), Austria (nationwide: its states add no statutory
/// holidays) and the Swiss cantons. Checked against the published lists for 2026–2028 in
/// <c>AskPro.Tests/Scheduling/PublicHolidayTests</c>; no rules had to be added. Names come from
/// <see cref="NamedDays"/> (the names callers use), the package's own (Swiss) names, or the
/// Austrian ones below. Cached per region and year: the rules do not change at run time.</summary>
public sealed class PublicHolidayCalendar : IPublicHolidayCalendar
{
    private static readonly Dictionary<(int Month, int Day), string> AustrianNames = new()
    {
        [(5, 1)] = "Staatsfeiertag", [(10, 26)] = "Nationalfeiertag", [(12, 25)] = "Christtag", [(12, 26)] = "Stefanitag",
    };

    private readonly ConcurrentDictionary<(string, int), IReadOnlyList<Holiday>> _cache = new();

    public IReadOnlyList<Holiday> In(string region, int year) => _cache.GetOrAdd((region.ToUpperInvariant(), year), key => Compute(key.Item1, key.Item2));

    private static IReadOnlyList<Holiday> Compute(string region, int year)
    {
        var country = region.Length >= 2 ? region[..2] : "";
        var sub = region.Length > 3 && region[2] == '-' ? region[3..] : "";
        Package.IPublicHolidays? rules = country switch
        {
            "DE" => new Package.GermanPublicHoliday { State = sub.Length == 0 ? Package.GermanPublicHoliday.States.ALL : Parse<Package.GermanPublicHoliday.States>(sub) ?? Package.GermanPublicHoliday.States.ALL },
            "AT" => new Package.AustriaPublicHoliday(),
            "CH" => new Package.SwitzerlandPublicHoliday { Canton = sub.Length == 0 ? Package.SwitzerlandPublicHoliday.Cantons.OnlyOfficial : Parse<Package.SwitzerlandPublicHoliday.Cantons>(sub) ?? Package.SwitzerlandPublicHoliday.Cantons.OnlyOfficial },
            _ => null,
        };
        if (rules is null) return [];
        return rules.PublicHolidaysInformation(year)
            .Select(h => DateOnly.FromDateTime(h.HolidayDate))
            .Distinct()
            .Select(date => new Holiday(date, NameOf(country, date, rules)))
            .OrderBy(h => h.Date)
            .ToList();
    }

    private static string NameOf(string country, DateOnly date, Package.IPublicHolidays rules)
    {
        if (country == "AT" && AustrianNames.TryGetValue((date.Month, date.Day), out var austrian)) return austrian;
        if (country == "DE" && date is { Month: 6, Day: 17 }) return "Jahrestag des Volksaufstands"; // Berlin, once in 2028
        if (country == "CH" && rules.PublicHolidayNames(date.Year).TryGetValue(date.ToDateTime(TimeOnly.MinValue), out var swiss) && swiss.Length > 0) return swiss;
        return NamedDays.NameOf(date) ?? "Feiertag";
    }

    private static T? Parse<T>(string name) where T : struct, Enum => Enum.TryParse<T>(name, ignoreCase: true, out var value) ? value : null;
}
