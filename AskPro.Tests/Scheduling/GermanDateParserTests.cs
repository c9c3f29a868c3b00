using AskPro.Core.Scheduling.GermanDates;

namespace AskPro.Tests.Scheduling;

/// <summary>The phrases callers say, against a fixed "now" in Europe/Berlin wall-clock time, for
/// a salon open Mo–Fr 09–18 and Sa 09–14. Expected: "yyyy-MM-dd HH:mm" (a point, "~" when
/// approximate), "yyyy-MM-dd HH:mm-HH:mm" (a span), "yyyy-MM-dd" (a day), or "?" (a question,
/// optionally "?words" it must contain).</summary>
public sealed class GermanDateParserTests
{
    private const string Mon = "2026-11-23 10:00";    // Monday
    private const string Sat = "2026-11-28 11:00";    // Saturday
    private const string Sun = "2026-11-29 12:00";    // Sunday
    private const string Late = "2026-11-24 23:30";   // Tuesday night
    private const string Early = "2026-11-25 00:30";  // just after midnight, Wednesday
    private const string March = "2026-03-28 10:00";  // Saturday before the spring change (29 March)
    private const string Oct = "2026-10-24 10:00";    // Saturday before the autumn change (25 October)
    private const string Dec = "2026-12-30 10:00";    // end of year

    public static TheoryData<string, string?, string?, string> Phrases => new()
    {
        // days
        { Mon, "heute", "14 Uhr", "2026-11-23 14:00" },
        { Mon, "morgen", "14 Uhr", "2026-11-24 14:00" },
        { Mon, "übermorgen", "10 Uhr", "2026-11-25 10:00" },
        { Mon, "uebermorgen", "10:15", "2026-11-25 10:15" },
        { Mon, "Morgen", null, "2026-11-24" },
        { Mon, "heute", null, "2026-11-23" },
        { Mon, "Dienstag", "14 Uhr", "2026-11-24 14:00" },
        { Mon, "nächsten Dienstag", "14 Uhr", "2026-11-24 14:00" },
        { Mon, "naechsten Dienstag", null, "2026-11-24" },
        { Mon, "kommenden Freitag", null, "2026-11-27" },
        { Mon, "Montag", null, "2026-11-30" },
        { Mon, "nächsten Montag", null, "2026-11-30" },
        { Mon, "diesen Montag", "15 Uhr", "2026-11-23 15:00" },
        { Mon, "diesen Freitag", null, "2026-11-27" },
        { Mon, "dieser Mittwoch", null, "2026-11-25" },
        { Sat, "diesen Montag", null, "?vorbei" },
        { Mon, "Dienstag nächste Woche", null, "2026-12-01" },
        { Mon, "nächste Woche Dienstag", null, "2026-12-01" },
        { Mon, "nächste Woche Montag", "9 Uhr", "2026-11-30 09:00" },
        { Sat, "nächste Woche Freitag", null, "2026-12-04" },
        { Sat, "Montag", null, "2026-11-30" },
        { Sat, "nächsten Montag", null, "2026-11-30" },
        { Sat, "Samstag", null, "2026-12-05" },
        { Sat, "heute", "13 Uhr", "2026-11-28 13:00" },
        { Sun, "Montag", "9 Uhr", "2026-11-30 09:00" },
        { Sun, "morgen", "halb zehn", "2026-11-30 09:30" },
        { Sun, "heute", null, "2026-11-29" },
        { Sun, "Sonntag", null, "2026-12-06" },
        { Mon, "übernächsten Montag", null, "2026-12-07" },
        { Mon, "in zwei Wochen", null, "2026-12-07" },
        { Mon, "in 3 Tagen", null, "2026-11-26" },
        { Mon, "Samstag", "10 Uhr", "2026-11-28 10:00" },
        { Mon, "am Freitag", "11 Uhr", "2026-11-27 11:00" },
        { Mon, "Freitags", null, "2026-11-27" },
        { Mon, "Sonnabend", null, "2026-11-28" },
        { Mon, "nächste Woche", null, "2026-11-30..2026-12-06 00:00-23:59" },
        // dates
        { Mon, "24.11.", "14:30", "2026-11-24 14:30" },
        { Mon, "24.11.2026", "14:30", "2026-11-24 14:30" },
        { Mon, "24.11.26", "9 Uhr", "2026-11-24 09:00" },
        { Mon, "24. 11.", "9 Uhr", "2026-11-24 09:00" },
        { Mon, "24. November", "14:30", "2026-11-24 14:30" },
        { Mon, "24. November 2026", null, "2026-11-24" },
        { Mon, "24 November", null, "2026-11-24" },
        { Mon, "2026-11-24", "14:30", "2026-11-24 14:30" },
        { Mon, "1.12.", null, "2026-12-01" },
        { Mon, "01.12.2026", null, "2026-12-01" },
        { Mon, "3. Dezember", null, "2026-12-03" },
        { Mon, "3. Dez.", null, "2026-12-03" },
        { Mon, "3. Januar", null, "2027-01-03" },
        { Mon, "3.1.", null, "2027-01-03" },
        { Mon, "15. März 2027", null, "2027-03-15" },
        { Mon, "am 3.", null, "2026-12-03" },
        { Mon, "am 30.", null, "2026-11-30" },
        { Mon, "am 23.", "16 Uhr", "2026-11-23 16:00" },
        { Mon, "am dritten", null, "2026-12-03" },
        { Mon, "am vierundzwanzigsten", null, "2026-11-24" },
        { Mon, "vierundzwanzigsten November", null, "2026-11-24" },
        { Mon, "dritten Dezember", null, "2026-12-03" },
        { Mon, "den 26.11.", null, "2026-11-26" },
        { Mon, "Dienstag, den 24.11.", "14 Uhr", "2026-11-24 14:00" },
        { Mon, "Donnerstag 26. November", null, "2026-11-26" },
        { Mon, "Montag, den 25.11.", null, "?Mittwoch" },
        { Mon, "Freitag, 24.11.", null, "?kein Freitag" },
        { Mon, "morgen, den 25.11.", null, "?" },
        { Mon, "31.02.", null, "?gibt es nicht" },
        { Mon, "32.12.", null, "?" },
        { Mon, "12.13.", null, "?" },
        { Mon, "29.02.", null, "2028-02-29" },
        { Dec, "29.02.2027", null, "?gibt es nicht" },
        { Mon, "2.1.2027", null, "2027-01-02" },
        { Dec, "2. Januar", "10 Uhr", "2027-01-02 10:00" },
        { Dec, "morgen", "10 Uhr", "2026-12-31 10:00" },
        { Dec, "übermorgen", null, "2027-01-01" },
        // past dates and invented years are questions, never bookings
        { Mon, "20.11.2026", null, "?vorbei" },
        { Mon, "22. November 2026", null, "?vorbei" },
        { Mon, "24.11.2024", null, "?dieses und nächstes Jahr" },
        { Mon, "24.11.2023", "14 Uhr", "?dieses und nächstes Jahr" },
        { Mon, "2025-11-24", null, "?" },
        { Mon, "24. November 2029", null, "?" },
        { Mon, "24.11.1999", null, "?" },
        { Mon, "heute", "9 Uhr", "?vorbei" },
        { Mon, "heute", "8:00", "?vorbei" },
        { Mon, null, "9 Uhr", "?Meinen Sie morgen um 9 Uhr" },
        { Mon, null, "8 Uhr", "?8 Uhr ist heute schon vorbei" },
        { Late, null, "10 Uhr", "?Meinen Sie morgen um 10 Uhr" },
        { Late, "heute", "halb zwölf", "?vorbei" },
        { Late, "morgen", "10 Uhr", "2026-11-25 10:00" },
        { Late, "Mittwoch", "10 Uhr", "2026-11-25 10:00" },
        { Late, "heute", null, "2026-11-24" },
        { Early, "heute", "10 Uhr", "2026-11-25 10:00" },
        { Early, "morgen", "10 Uhr", "2026-11-26 10:00" },
        { Early, null, "10 Uhr", "2026-11-25 10:00" },
        { Early, "Mittwoch", null, "2026-12-02" },
        { Early, "Dienstag", null, "2026-12-01" },
        { Early, "24.11.", null, "?vorbei" },
        // times
        { Mon, "morgen", "14.30", "2026-11-24 14:30" },
        { Mon, "morgen", "14 Uhr 30", "2026-11-24 14:30" },
        { Mon, "morgen", "um 14 Uhr", "2026-11-24 14:00" },
        { Mon, "morgen", "um 14", "2026-11-24 14:00" },
        { Mon, "morgen", "14", "2026-11-24 14:00" },
        { Mon, "morgen", "vierzehn Uhr", "2026-11-24 14:00" },
        { Mon, "morgen", "elf Uhr dreißig", "2026-11-24 11:30" },
        { Mon, "morgen", "elf Uhr dreissig", "2026-11-24 11:30" },
        { Mon, "morgen", "zehn Uhr fünfzehn", "2026-11-24 10:15" },
        { Mon, "morgen", "neun Uhr fünfundvierzig", "2026-11-24 09:45" },
        { Mon, "morgen", "sechzehn Uhr zwanzig", "2026-11-24 16:20" },
        { Mon, "morgen", "halb drei", "2026-11-24 14:30" },
        { Mon, "morgen", "halb zehn", "2026-11-24 09:30" },
        { Mon, "morgen", "halb elf", "2026-11-24 10:30" },
        { Mon, "morgen", "viertel nach zehn", "2026-11-24 10:15" },
        { Mon, "morgen", "viertel vor elf", "2026-11-24 10:45" },
        { Mon, "morgen", "viertel nach drei", "2026-11-24 15:15" },
        { Mon, "morgen", "viertel vor vier", "2026-11-24 15:45" },
        { Mon, "morgen", "dreiviertel elf", "2026-11-24 10:45" },
        { Mon, "morgen", "zehn nach zwei", "2026-11-24 14:10" },
        { Mon, "morgen", "fünf vor zwölf", "2026-11-24 11:55" },
        { Mon, "morgen", "um drei", "2026-11-24 15:00" },
        { Mon, "morgen", "3 Uhr", "2026-11-24 15:00" },
        { Mon, "morgen", "um 5", "2026-11-24 17:00" },
        { Mon, "morgen", "09:30", "2026-11-24 09:30" },
        { Mon, "morgen", "07:00", "2026-11-24 07:00" },
        { Mon, "morgen", "12 Uhr", "2026-11-24 12:00" },
        { Mon, "morgen", "12 Uhr mittags", "2026-11-24 12:00" },
        { Sat, "heute", "halb eins", "2026-11-28 12:30" },
        { Sat, "heute", "um eins", "2026-11-28 13:00" },
        { Sat, "nächsten Samstag", "halb drei", "2026-12-05 14:30" },
        { Mon, "morgen", "punkt 10", "2026-11-24 10:00" },
        { Mon, "morgen um halb drei", null, "2026-11-24 14:30" },
        { Mon, "nächsten Dienstag 14 Uhr", null, "2026-11-24 14:00" },
        { Mon, "Mittwoch um 16:45", null, "2026-11-25 16:45" },
        { Mon, "morgen", "25 Uhr", "?Uhrzeit" },
        { Mon, "morgen", "14:75", "?Uhrzeit" },
        { Mon, "morgen", "halb blau", "?Uhrzeit" },
        // approximate and spans
        { Mon, "morgen", "so gegen 15 Uhr", "~2026-11-24 15:00" },
        { Mon, "morgen", "gegen 15 Uhr", "~2026-11-24 15:00" },
        { Mon, "morgen", "ca. 11 Uhr", "~2026-11-24 11:00" },
        { Mon, "morgen", "etwa um halb vier", "~2026-11-24 15:30" },
        { Mon, "morgen", "ab 14 Uhr", "2026-11-24 14:00-18:00" },
        { Mon, "morgen", "ab 16:30", "2026-11-24 16:30-18:00" },
        { Mon, "morgen", "bis 11 Uhr", "2026-11-24 09:00-11:00" },
        { Mon, "morgen", "zwischen 10 und 12", "2026-11-24 10:00-12:00" },
        { Mon, "morgen", "zwischen 10 und 12 Uhr", "2026-11-24 10:00-12:00" },
        { Mon, "morgen", "von 14 bis 16 Uhr", "2026-11-24 14:00-16:00" },
        { Mon, "morgen", "zwischen 2 und 4", "2026-11-24 14:00-16:00" },
        { Mon, "morgen", "zwischen 12 und 10", "?" },
        // periods, clipped to the opening hours
        { Mon, "morgen", "vormittags", "2026-11-24 09:00-12:00" },
        { Mon, "morgen vormittag", null, "2026-11-24 09:00-12:00" },
        { Mon, "Freitag vormittag", null, "2026-11-27 09:00-12:00" },
        { Mon, "morgen", "mittags", "2026-11-24 11:00-14:00" },
        { Mon, "morgen", "nachmittags", "2026-11-24 13:00-17:00" },
        { Mon, "morgen nachmittag", null, "2026-11-24 13:00-17:00" },
        { Mon, "morgen", "abends", "2026-11-24 17:00-18:00" },
        { Mon, "morgen früh", null, "2026-11-24 09:00-10:00" },
        { Mon, "morgen", "morgens", "2026-11-24 09:00-10:00" },
        { Mon, "Samstag", "nachmittags", "2026-11-28 13:00-14:00" },
        { Mon, "Samstag", "abends", "2026-11-28 17:00-20:00" },
        { Mon, "heute nachmittag", null, "2026-11-23 13:00-17:00" },
        { Mon, "heute vormittag", null, "2026-11-23 10:00-12:00" },
        { Late, "heute abend", null, "?vorbei" },
        { Mon, "morgen", "nachmittags um 3", "2026-11-24 15:00" },
        { Mon, "morgen", "abends um 5", "2026-11-24 17:00" },
        { Mon, "morgen", "vormittags um 10", "2026-11-24 10:00" },
        // DST weekends (wall-clock dates stay right across the change)
        { March, "morgen", "10 Uhr", "2026-03-29 10:00" },
        { March, "Montag", "10 Uhr", "2026-03-30 10:00" },
        { March, "übermorgen", null, "2026-03-30" },
        { Oct, "morgen", "10 Uhr", "2026-10-25 10:00" },
        { Oct, "Montag", "9 Uhr", "2026-10-26 09:00" },
        { Oct, "26.10.", "halb drei", "2026-10-26 14:30" },
        // gibberish and empty input
        { Mon, null, null, "?welchen Tag" },
        { Mon, "", "", "?" },
        { Mon, "asdf", "qwertz", "?" },
        { Mon, "irgendwann", null, "?" },
        { Mon, "bald", null, "?" },
        { Mon, "morgen", "<script>alert(1)</script>", "?" },
        { Mon, "'; DROP TABLE Appointments;--", null, "?" },
        { Mon, "morgen 😀", null, "?" },
        { Mon, new string('x', 500), null, "?" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Callers_words_are_understood_or_questioned(string now, string? date, string? time, string expected) =>
        ParserCases.Check(now, date, time, expected);

    [Theory]
    [InlineData("2026-11-24 14:30", "2026-11-20", "Dienstag, 24. November, um 14:30 Uhr")]
    [InlineData("2026-11-24 14:00", "2026-11-20", "Dienstag, 24. November, um 14 Uhr")]
    [InlineData("2026-11-24 09:05", "2026-11-24", "heute um 9:05 Uhr")]
    [InlineData("2026-11-24 15:00", "2026-11-23", "morgen um 15 Uhr")]
    [InlineData("2026-11-25 15:00", "2026-11-23", "übermorgen um 15 Uhr")]
    [InlineData("2027-01-04 10:00", "2026-12-30", "Montag, 4. Januar 2027, um 10 Uhr")]
    public void Dates_are_spoken_for_the_ear(string local, string today, string spoken) =>
        Assert.Equal(spoken, GermanSpeech.DateAndTime(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", null), DateOnly.Parse(today)));

    [Fact]
    public void Alternatives_are_joined_with_oder() =>
        Assert.Equal("heute um 15 Uhr, morgen um 14:30 Uhr oder Freitag, 27. November, um 9 Uhr",
            GermanSpeech.Either(["heute um 15 Uhr", "morgen um 14:30 Uhr", "Freitag, 27. November, um 9 Uhr"]));
}
