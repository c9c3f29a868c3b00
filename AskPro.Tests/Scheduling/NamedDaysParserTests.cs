namespace AskPro.Tests.Scheduling;

/// <summary>Days callers name: each holiday in two (or three) years, from several "now"s. The
/// expected dates are written out from the published calendars, not computed.</summary>
public sealed class NamedDaysParserTests
{
    private const string Mon = "2026-11-23 10:00";      // Monday morning
    private const string Dec27 = "2027-12-01 10:00";    // Wednesday, a year later
    private const string Jan26 = "2026-01-02 10:00";    // Friday, early in 2026
    private const string Nye = "2026-12-31 23:50";      // ten minutes before New Year
    private const string SatEve = "2026-11-28 19:00";   // Saturday evening
    private const string Spring = "2026-03-29 03:30";   // just after the clocks went forward
    private const string Autumn = "2026-10-25 02:30";   // the hour that happens twice

    public static TheoryData<string, string?, string?, string> Phrases => new()
    {
        // from a Monday in November 2026: Christmas still ahead, everything else in 2027
        { Mon, "Heiligabend", null, "2026-12-24" },
        { Mon, "an Heiligabend", "10 Uhr", "2026-12-24 10:00" },
        { Mon, "Heiligen Abend", null, "2026-12-24" },
        { Mon, "Weihnachten", null, "2026-12-25" },
        { Mon, "erster Weihnachtsfeiertag", null, "2026-12-25" },
        { Mon, "am ersten Weihnachtsfeiertag", null, "2026-12-25" },
        { Mon, "zweiter Weihnachtsfeiertag", null, "2026-12-26" },
        { Mon, "am zweiten Weihnachtsfeiertag", "11 Uhr", "2026-12-26 11:00" },
        { Mon, "Stephanstag", null, "2026-12-26" },
        { Mon, "Silvester", null, "2026-12-31" },
        { Mon, "an Silvester", "vormittags", "2026-12-31 09:00-12:00" },
        { Mon, "Neujahr", null, "2027-01-01" },
        { Mon, "Heilige Drei Könige", null, "2027-01-06" },
        { Mon, "Dreikönigstag", null, "2027-01-06" },
        { Mon, "Rosenmontag", null, "2027-02-08" },
        { Mon, "Frauentag", null, "2027-03-08" },
        { Mon, "Gründonnerstag", null, "2027-03-25" },
        { Mon, "Karfreitag", null, "2027-03-26" },
        { Mon, "Ostern", null, "2027-03-28" },
        { Mon, "Ostersonntag", null, "2027-03-28" },
        { Mon, "Ostermontag", "10 Uhr", "2027-03-29 10:00" },
        { Mon, "Tag der Arbeit", null, "2027-05-01" },
        { Mon, "Christi Himmelfahrt", null, "2027-05-06" },
        { Mon, "Himmelfahrt", null, "2027-05-06" },
        { Mon, "Vatertag", null, "2027-05-06" },
        { Mon, "Pfingsten", null, "2027-05-16" },
        { Mon, "Pfingstmontag", null, "2027-05-17" },
        { Mon, "Fronleichnam", null, "2027-05-27" },
        { Mon, "Mariä Himmelfahrt", null, "2027-08-15" },
        { Mon, "Weltkindertag", null, "2027-09-20" },
        { Mon, "Tag der Deutschen Einheit", null, "2027-10-03" },
        { Mon, "Reformationstag", null, "2027-10-31" },
        { Mon, "Allerheiligen", null, "2027-11-01" },
        { Mon, "Buß- und Bettag", null, "2027-11-17" },
        { Mon, "Buß und Bettag", null, "2027-11-17" },
        { Mon, "Ostern 2027", null, "2027-03-28" },
        // a year later: the 2027/2028 dates
        { Dec27, "Heiligabend", null, "2027-12-24" },
        { Dec27, "Weihnachten", null, "2027-12-25" },
        { Dec27, "zweiter Weihnachtsfeiertag", null, "2027-12-26" },
        { Dec27, "Silvester", null, "2027-12-31" },
        { Dec27, "Neujahr", null, "2028-01-01" },
        { Dec27, "Heilige Drei Könige", null, "2028-01-06" },
        { Dec27, "Frauentag", null, "2028-03-08" },
        { Dec27, "Karfreitag", null, "2028-04-14" },
        { Dec27, "Ostern", null, "2028-04-16" },
        { Dec27, "Ostermontag", null, "2028-04-17" },
        { Dec27, "Tag der Arbeit", null, "2028-05-01" },
        { Dec27, "Christi Himmelfahrt", null, "2028-05-25" },
        { Dec27, "Pfingsten", null, "2028-06-04" },
        { Dec27, "Pfingstmontag", null, "2028-06-05" },
        { Dec27, "Fronleichnam", null, "2028-06-15" },
        { Dec27, "Mariä Himmelfahrt", null, "2028-08-15" },
        { Dec27, "Weltkindertag", null, "2028-09-20" },
        { Dec27, "Tag der Deutschen Einheit", null, "2028-10-03" },
        { Dec27, "Reformationstag", null, "2028-10-31" },
        { Dec27, "Allerheiligen", null, "2028-11-01" },
        { Dec27, "Buß- und Bettag", null, "2028-11-22" },
        // early 2026: that year's movable feasts
        { Jan26, "Heilige Drei Könige", null, "2026-01-06" },
        { Jan26, "Karfreitag", null, "2026-04-03" },
        { Jan26, "Ostern", null, "2026-04-05" },
        { Jan26, "Ostermontag", null, "2026-04-06" },
        { Jan26, "Christi Himmelfahrt", null, "2026-05-14" },
        { Jan26, "Pfingsten", null, "2026-05-24" },
        { Jan26, "Pfingstmontag", null, "2026-05-25" },
        { Jan26, "Fronleichnam", null, "2026-06-04" },
        { Jan26, "Buß- und Bettag", null, "2026-11-18" },
        { Jan26, "Neujahr", null, "2027-01-01" },
        { Jan26, "Frauentag", null, "2026-03-08" },
        // the turn of the year, Saturday evening, DST weekends
        { Nye, "Silvester", null, "2026-12-31" },
        { Nye, "Silvester", "10 Uhr", "?vorbei" },
        { Nye, "Neujahr", null, "2027-01-01" },
        { Nye, "Neujahr", "um 10", "2027-01-01 10:00" },
        { Nye, "Heilige Drei Könige", null, "2027-01-06" },
        { SatEve, "Heiligabend", "halb elf", "2026-12-24 10:30" },
        { SatEve, "1. Advent", null, "?" },
        { Spring, "Ostern", null, "2026-04-05" },
        { Spring, "Karfreitag", "nachmittags", "2026-04-03 13:00-17:00" },
        { Spring, "Ostermontag", null, "2026-04-06" },
        { Autumn, "Reformationstag", null, "2026-10-31" },
        { Autumn, "Allerheiligen", "viertel elf", "2026-11-01 10:15" },
        // a named day with its weekday, another day, a year: checked, never bent
        { Mon, "Donnerstag, Heiligabend", null, "2026-12-24" },
        { Mon, "Montag Heiligabend", null, "?kein Montag" },
        { Mon, "morgen Heiligabend", null, "?Meinen Sie" },
        { Mon, "Weihnachten Ostern", null, "?Meinen Sie" },
        { Mon, "24.12. Heiligabend", null, "2026-12-24" },
        { Mon, "Ostern 2029", null, "?dieses und nächstes Jahr" },
        { Mon, "Ostern 2026", null, "?vorbei" },
        { Mon, "Pfingsten", "25 Uhr", "?Uhrzeit" },
        { Mon, "am Brückentag", "um 10", "?An welchem Tag möchten Sie um 10 Uhr" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Named_days_are_found_in_the_right_year(string now, string? date, string? time, string expected) =>
        ParserCases.Check(now, date, time, expected);
}
