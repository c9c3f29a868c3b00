using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>The days callers name instead of a date ("Heiligabend", "Ostermontag", "Buß- und
/// Bettag"), computed per year; and the spoken name of a date, for sentences like "Am 1. Januar,
/// Neujahr, haben wir geschlossen". Which of them a branch is closed on is not decided here
/// (that depends on its region, see the public-holiday calendar); this only knows the names.</summary>
public static partial class NamedDays
{
    /// <summary>One named day: its spoken name and how to find it in a year.</summary>
    private sealed record Definition(string Name, Func<int, DateOnly> InYear);

    private static DateOnly Fixed(int year, int month, int day) => new(year, month, day);

    // Keys are the normalised spellings (ae/oe/ue/ss, lower case) the regex below finds.
    private static readonly Dictionary<string, Definition> ByKey = Build();

    private static Dictionary<string, Definition> Build()
    {
        var neujahr = new Definition("Neujahr", y => Fixed(y, 1, 1));
        var dreiKoenige = new Definition("Heilige Drei Könige", y => Fixed(y, 1, 6));
        var frauentag = new Definition("Internationaler Frauentag", y => Fixed(y, 3, 8));
        var gruendonnerstag = new Definition("Gründonnerstag", y => EasterSunday(y).AddDays(-3));
        var karfreitag = new Definition("Karfreitag", y => EasterSunday(y).AddDays(-2));
        var ostern = new Definition("Ostersonntag", EasterSunday);
        var ostermontag = new Definition("Ostermontag", y => EasterSunday(y).AddDays(1));
        var ersterMai = new Definition("Tag der Arbeit", y => Fixed(y, 5, 1));
        var himmelfahrt = new Definition("Christi Himmelfahrt", y => EasterSunday(y).AddDays(39));
        var pfingsten = new Definition("Pfingstsonntag", y => EasterSunday(y).AddDays(49));
        var pfingstmontag = new Definition("Pfingstmontag", y => EasterSunday(y).AddDays(50));
        var fronleichnam = new Definition("Fronleichnam", y => EasterSunday(y).AddDays(60));
        var mariae = new Definition("Mariä Himmelfahrt", y => Fixed(y, 8, 15));
        var kindertag = new Definition("Weltkindertag", y => Fixed(y, 9, 20));
        var einheit = new Definition("Tag der Deutschen Einheit", y => Fixed(y, 10, 3));
        var reformation = new Definition("Reformationstag", y => Fixed(y, 10, 31));
        var allerheiligen = new Definition("Allerheiligen", y => Fixed(y, 11, 1));
        // The Wednesday before 23 November (the last Sunday before Advent is 20–26 November).
        var bussUndBettag = new Definition("Buß- und Bettag", y => Fixed(y, 11, 22).AddDays(-(((int)Fixed(y, 11, 22).DayOfWeek - (int)DayOfWeek.Wednesday + 7) % 7)));
        var empfaengnis = new Definition("Mariä Empfängnis", y => Fixed(y, 12, 8));
        var heiligabend = new Definition("Heiligabend", y => Fixed(y, 12, 24));
        var weihnachten = new Definition("erster Weihnachtsfeiertag", y => Fixed(y, 12, 25));
        var zweiterWeihnachtstag = new Definition("zweiter Weihnachtsfeiertag", y => Fixed(y, 12, 26));
        var silvester = new Definition("Silvester", y => Fixed(y, 12, 31));
        var rosenmontag = new Definition("Rosenmontag", y => EasterSunday(y).AddDays(-48));

        return new Dictionary<string, Definition>
        {
            ["neujahr"] = neujahr, ["neujahrstag"] = neujahr,
            ["heilige drei koenige"] = dreiKoenige, ["heiligen drei koenige"] = dreiKoenige, ["dreikoenig"] = dreiKoenige,
            ["dreikoenigstag"] = dreiKoenige, ["epiphanias"] = dreiKoenige,
            ["frauentag"] = frauentag, ["internationaler frauentag"] = frauentag, ["internationalen frauentag"] = frauentag, ["internationale frauentag"] = frauentag,
            ["gruendonnerstag"] = gruendonnerstag, ["karfreitag"] = karfreitag,
            ["ostern"] = ostern, ["ostersonntag"] = ostern, ["ostermontag"] = ostermontag,
            ["tag der arbeit"] = ersterMai, ["maifeiertag"] = ersterMai,
            ["christi himmelfahrt"] = himmelfahrt, ["himmelfahrt"] = himmelfahrt, ["vatertag"] = himmelfahrt,
            ["pfingsten"] = pfingsten, ["pfingstsonntag"] = pfingsten, ["pfingstmontag"] = pfingstmontag,
            ["fronleichnam"] = fronleichnam,
            ["mariae himmelfahrt"] = mariae, ["maria himmelfahrt"] = mariae,
            ["weltkindertag"] = kindertag,
            ["tag der deutschen einheit"] = einheit, ["deutschen einheit"] = einheit,
            ["reformationstag"] = reformation, ["allerheiligen"] = allerheiligen,
            ["buss und bettag"] = bussUndBettag, ["buss- und bettag"] = bussUndBettag, ["busstag"] = bussUndBettag,
            ["mariae empfaengnis"] = empfaengnis,
            ["heiligabend"] = heiligabend, ["heiligen abend"] = heiligabend, ["heilig abend"] = heiligabend, ["heiliger abend"] = heiligabend,
            ["weihnachten"] = weihnachten, ["erster weihnachtsfeiertag"] = weihnachten, ["erste weihnachtsfeiertag"] = weihnachten, ["erste weihnachtstag"] = weihnachten, ["ersten weihnachtsfeiertag"] = weihnachten,
            ["erster weihnachtstag"] = weihnachten, ["ersten weihnachtstag"] = weihnachten,
            ["zweiter weihnachtsfeiertag"] = zweiterWeihnachtstag, ["zweite weihnachtsfeiertag"] = zweiterWeihnachtstag, ["zweite weihnachtstag"] = zweiterWeihnachtstag, ["zweiten weihnachtsfeiertag"] = zweiterWeihnachtstag,
            ["zweiter weihnachtstag"] = zweiterWeihnachtstag, ["zweiten weihnachtstag"] = zweiterWeihnachtstag, ["stephanstag"] = zweiterWeihnachtstag,
            ["silvester"] = silvester, ["rosenmontag"] = rosenmontag,
        };
    }

    /// <summary>The name a caller would use for <paramref name="date"/>, if it has one
    /// ("Neujahr"); null for an ordinary day.</summary>
    public static string? NameOf(DateOnly date)
    {
        foreach (var definition in ByKey.Values)
            if (definition.InYear(date.Year) == date) return definition.Name;
        return null;
    }

    /// <summary>Takes a named day from the text: its next occurrence from today (today included),
    /// or in the year said after it ("Ostern 2027"). Null when the text names none.</summary>
    internal static (DateOnly Date, string Name)? Take(ref string text, DateOnly today)
    {
        var match = Names().Match(text);
        if (!match.Success) return null;
        var definition = ByKey[match.Groups[1].Value];
        text = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
        if (match.Groups[2].Success)
            return (definition.InYear(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), definition.Name);
        var date = definition.InYear(today.Year);
        return (date >= today ? date : definition.InYear(today.Year + 1), definition.Name);
    }

    /// <summary>Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    // Longest spellings first so "ostermontag" is not read as "ostern"; an optional year follows.
    [GeneratedRegex(@"\b(tag der deutschen einheit|deutschen einheit|internationale[nr]? frauentag|heiligen? drei koenige|dreikoenigstag|dreikoenig|epiphanias|frauentag|gruendonnerstag|karfreitag|ostersonntag|ostermontag|ostern|tag der arbeit|maifeiertag|christi himmelfahrt|mariae? himmelfahrt|himmelfahrt|vatertag|pfingstsonntag|pfingstmontag|pfingsten|fronleichnam|weltkindertag|reformationstag|allerheiligen|buss-? und bettag|busstag|mariae empfaengnis|heiligabend|heilig(?:en|er)? abend|(?:erste[nr]?|zweite[nr]?) weihnachts(?:feier)?tag|weihnachten|stephanstag|silvester|neujahrstag|neujahr|rosenmontag)\b(?:\s(20\d\d)\b)?")]
    private static partial Regex Names();
}
