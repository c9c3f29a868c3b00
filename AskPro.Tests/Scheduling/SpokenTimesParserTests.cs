namespace AskPro.Tests.Scheduling;

/// <summary>Times as people say them, regional forms included, and soft periods as ranges
/// clipped to the salon's hours (Mo–Fr 09–18, Sa 09–14). "morgen" is Tuesday 24 November.</summary>
public sealed class SpokenTimesParserTests
{
    private const string Mon = "2026-11-23 10:00";      // Monday morning
    private const string Wed = "2026-11-25 00:30";      // just after midnight, Wednesday
    private const string SatEve = "2026-11-28 19:00";   // Saturday evening
    private const string Nye = "2026-12-31 23:50";      // ten minutes before New Year
    private const string Spring = "2026-03-29 03:30";   // just after the clocks went forward
    private const string Autumn = "2026-10-25 02:30";   // the hour that happens twice

    public static TheoryData<string, string?, string?, string> Phrases => new()
    {
        // quarters and halves, regional forms
        { Mon, "morgen", "viertel drei", "2026-11-24 14:15" },
        { Mon, "morgen", "dreiviertel drei", "2026-11-24 14:45" },
        { Mon, "morgen", "drei viertel drei", "2026-11-24 14:45" },
        { Mon, "morgen", "viertel zehn", "2026-11-24 09:15" },
        { Mon, "morgen", "viertel elf", "2026-11-24 10:15" },
        { Mon, "morgen", "dreiviertel zehn", "2026-11-24 09:45" },
        { Mon, "morgen", "um viertel drei", "2026-11-24 14:15" },
        { Mon, "morgen", "viertel über drei", "2026-11-24 15:15" },
        { Mon, "morgen", "viertel nach vier", "2026-11-24 16:15" },
        { Mon, "morgen", "viertel vor drei", "2026-11-24 14:45" },
        { Mon, "morgen", "halb vier", "2026-11-24 15:30" },
        { Mon, "morgen", "halb fünf", "2026-11-24 16:30" },
        { Mon, "morgen", "gegen viertel drei", "~2026-11-24 14:15" },
        { Mon, "morgen viertel drei", null, "2026-11-24 14:15" },
        // minutes before and after, around the half hour
        { Mon, "morgen", "zwanzig nach drei", "2026-11-24 15:20" },
        { Mon, "morgen", "zehn vor vier", "2026-11-24 15:50" },
        { Mon, "morgen", "fünf nach elf", "2026-11-24 11:05" },
        { Mon, "morgen", "zwanzig vor zehn", "2026-11-24 09:40" },
        { Mon, "morgen", "fünf vor halb vier", "2026-11-24 15:25" },
        { Mon, "morgen", "fünf nach halb vier", "2026-11-24 15:35" },
        { Mon, "morgen", "zehn vor halb elf", "2026-11-24 10:20" },
        { Mon, "morgen", "zehn nach halb zehn", "2026-11-24 09:40" },
        { Mon, "morgen", "fünf vor halb zehn", "2026-11-24 09:25" },
        { Mon, "morgen", "um fünf nach halb drei", "2026-11-24 14:35" },
        { Mon, "morgen", "zwanzig vor halb drei", "?Uhrzeit" },
        // "kurz nach / kurz vor": a short window after or before the hour
        { Mon, "morgen", "kurz nach zwei", "2026-11-24 14:01-14:20" },
        { Mon, "morgen", "kurz vor zwei", "2026-11-24 13:40-14:00" },
        { Mon, "morgen", "kurz nach zehn", "2026-11-24 10:01-10:20" },
        { Mon, "morgen", "kurz vor halb drei", "2026-11-24 14:10-14:30" },
        { Mon, "morgen", "kurz nach 14 Uhr", "2026-11-24 14:01-14:20" },
        { Mon, "morgen", "kurz vor um drei", "2026-11-24 14:40-15:00" },
        { Mon, "morgen", "kurz nach blau", "?Uhrzeit" },
        { Mon, null, "kurz nach zwei", "2026-11-23 14:01-14:20" },
        { Wed, null, "kurz vor drei", "2026-11-25 14:40-15:00" },
        { Mon, "nächste Woche", "kurz nach zehn", "2026-11-30..2026-12-06 10:01-10:20" },
        // "um drei" is the afternoon when the branch is open then
        { Mon, "morgen", "um drei", "2026-11-24 15:00" },
        { Mon, "morgen", "um sechs", "2026-11-24 18:00" },
        { Mon, "Samstag", "um eins", "2026-11-28 13:00" },
        { Mon, "Samstag", "um drei", "2026-11-28 15:00" },
        { Mon, "Samstag", "um zehn", "2026-11-28 10:00" },
        { Mon, "morgen", "um sieben", "2026-11-24 07:00" },
        { Mon, null, "um drei", "2026-11-23 15:00" },
        { Wed, null, "um drei", "2026-11-25 15:00" },
        { SatEve, null, "um drei", "?Montag, den 30. November, um 15 Uhr" },
        { SatEve, null, "um 10", "?Montag, den 30. November, um 10 Uhr" },
        { Nye, null, "um 10", "?morgen um 10 Uhr" },
        // bounds with spoken times
        { Mon, "morgen", "ab drei", "2026-11-24 15:00-18:00" },
        { Mon, "morgen", "ab halb drei", "2026-11-24 14:30-18:00" },
        { Mon, "morgen", "ab viertel nach vier", "2026-11-24 16:15-18:00" },
        { Mon, "morgen", "bis drei", "2026-11-24 09:00-15:00" },
        { Mon, "morgen", "bis halb elf", "2026-11-24 09:00-10:30" },
        { Mon, "morgen", "ab 10", "2026-11-24 10:00-18:00" },
        { Mon, "morgen", "zwischen drei und fünf", "2026-11-24 15:00-17:00" },
        { Mon, "morgen", "zwischen halb drei und vier", "2026-11-24 14:30-16:00" },
        { Mon, "morgen", "von zehn bis halb zwölf", "2026-11-24 10:00-11:30" },
        // soft periods, clipped to the opening hours
        { Mon, "morgen", "nach der Arbeit", "2026-11-24 17:00-18:00" },
        { Mon, "morgen", "nach Feierabend", "2026-11-24 17:00-18:00" },
        { Mon, "morgen nach der Arbeit", null, "2026-11-24 17:00-18:00" },
        { Mon, "morgen", "in der Mittagspause", "2026-11-24 12:00-14:00" },
        { Mon, "morgen", "Mittagspause", "2026-11-24 12:00-14:00" },
        { Mon, "morgen", "gegen Abend", "2026-11-24 16:00-18:00" },
        { Mon, "morgen", "früh morgens", "2026-11-24 09:00-10:00" },
        { Mon, "morgen", "frühmorgens", "2026-11-24 09:00-10:00" },
        { Mon, "morgen", "ganz früh", "2026-11-24 09:00-10:00" },
        { Mon, "morgen", "in der Früh", "2026-11-24 09:00-10:00" },
        { Mon, "morgen", "am späten Nachmittag", "2026-11-24 15:00-18:00" },
        { Mon, "morgen", "spätnachmittags", "2026-11-24 15:00-18:00" },
        { Mon, "morgen", "am frühen Nachmittag", "2026-11-24 13:00-15:00" },
        { Mon, "morgen", "am späten Vormittag", "2026-11-24 10:30-12:00" },
        { Mon, "morgen", "am späten Abend", "2026-11-24 19:00-22:00" },
        { Mon, "Samstag", "nach der Arbeit", "2026-11-28 17:00-20:00" },
        { Mon, "Samstag", "in der Mittagspause", "2026-11-28 12:00-14:00" },
        { Mon, "Samstag", "am späten Nachmittag", "2026-11-28 15:00-18:00" },
        { Mon, "heute", "nach der Arbeit", "2026-11-23 17:00-18:00" },
        { Mon, "heute", "in der Mittagspause", "2026-11-23 12:00-14:00" },
        { Mon, null, "in der Mittagspause", "2026-11-23 12:00-14:00" },
        { Mon, null, "nach der Arbeit", "2026-11-23 17:00-18:00" },
        { Mon, "heute", "früh morgens", "?vorbei" },
        { SatEve, null, "nachmittags", "?Meinen Sie morgen" },
        { SatEve, "heute", "in der Mittagspause", "?vorbei" },
        { Nye, "heute", "abends", "?vorbei" },
        { Mon, "morgen", "nachmittags um viertel vier", "2026-11-24 15:15" },
        { Mon, "morgen", "abends um halb sechs", "2026-11-24 17:30" },
        { Mon, "morgen", "nach der Arbeit um sechs", "2026-11-24 18:00" },
        { Mon, "morgen", "vormittags um viertel elf", "2026-11-24 10:15" },
        { Mon, "morgen", "am späten Nachmittag so gegen fünf", "~2026-11-24 17:00" },
        // the night of the clock changes and just after midnight
        { Spring, "heute", null, "2026-03-29" },
        { Spring, "morgen", "viertel drei", "2026-03-30 14:15" },
        { Spring, "morgen", "nach der Arbeit", "2026-03-30 17:00-18:00" },
        { Spring, "Montag", "kurz nach neun", "2026-03-30 09:01-09:20" },
        { Autumn, "heute", null, "2026-10-25" },
        { Autumn, "morgen", "halb drei", "2026-10-26 14:30" },
        { Autumn, "morgen", "dreiviertel zehn", "2026-10-26 09:45" },
        { Autumn, "Montag", "in der Mittagspause", "2026-10-26 12:00-14:00" },
        { Wed, "heute", "viertel drei", "2026-11-25 14:15" },
        { Wed, "heute", "früh morgens", "2026-11-25 09:00-10:00" },
        { Wed, "morgen", "fünf vor halb elf", "2026-11-26 10:25" },
        // nonsense in the time
        { Mon, "morgen", "viertel blau", "?Uhrzeit" },
        { Mon, "morgen", "halb", "?" },
        { Mon, "morgen", "dreiviertel", "?" },
        { Mon, "morgen", "fünfzig vor halb drei", "?Uhrzeit" },
        { Mon, "morgen", "um 99", "?Uhrzeit" },
        { Mon, null, "blablabla um 10", "?An welchem Tag möchten Sie um 10 Uhr kommen" },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Spoken_times_and_periods_are_understood(string now, string? date, string? time, string expected) =>
        ParserCases.Check(now, date, time, expected);
}
