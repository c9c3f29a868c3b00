using AskPro.Core.Scheduling.GermanDates;
using BenchmarkDotNet.Attributes;

namespace AskPro.Benchmarks.Scheduling;

/// <summary>The German date/time parser on a mix of what callers say.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    internal static readonly (string? Date, string? Time)[] Phrases =
    [
        ("morgen", "halb drei"), ("nächsten Dienstag", "14 Uhr"), ("Freitag vormittag", null), ("24.11.", "14:30"),
        ("24. November", "so gegen 15 Uhr"), ("Dienstag nächste Woche", "viertel nach zehn"), ("übermorgen", "zwischen 10 und 12"),
        ("am 3.", "elf Uhr dreißig"), ("heute", "ab 14 Uhr"), ("asdf", "qwertz"),
        // the everyday forms (issue 12): named days, spans, regional times, soft periods, questions
        ("Heiligabend", "viertel drei"), ("Montag in zwei Wochen", "fünf vor halb vier"), ("Ende nächster Woche", "nachmittags"),
        ("am Wochenende", "kurz nach zehn"), ("Anfang nächsten Monats", "nach der Arbeit"), ("am zwölften Dezember", "dreiviertel elf"),
        ("Buß- und Bettag", "in der Mittagspause"), (null, "so früh wie möglich"), ("nächstes Wochenende", null), ("am Brückentag", "um 10"),
    ];

    internal static readonly DateContext Context = DateContext.WithHours(new DateTime(2026, 11, 23, 10, 0, 0), day => day switch
    {
        DayOfWeek.Sunday => [],
        DayOfWeek.Saturday => [(new TimeOnly(9, 0), new TimeOnly(14, 0))],
        _ => [(new TimeOnly(9, 0), new TimeOnly(18, 0))],
    });

    private int _i;

    [Benchmark]
    public DateWish ParsePhrase()
    {
        var (date, time) = Phrases[_i++ % Phrases.Length];
        return GermanDateParser.Parse(date, time, Context);
    }
}
