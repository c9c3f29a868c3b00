using System.Diagnostics;
using AskPro.Core.PhoneNumbers;

namespace AskPro.Benchmarks.PhoneNumbers;

/// <summary>What a fresh process pays before its first parse: libphonenumber's metadata load and
/// the DACH samples (done at app start-up by the warm-up), then the first parse of a region
/// that is not warmed.</summary>
public static class PhoneStartup
{
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        PhoneNumberParser.Warm();
        var warm = clock.Elapsed;

        clock.Restart();
        var first = PhoneNumberParser.Parse("0171 1234567", "DE");
        var firstDach = clock.Elapsed;

        clock.Restart();
        PhoneNumberParser.Parse("01 23 45 67 89", "FR");
        var firstCold = clock.Elapsed;

        Console.WriteLine($"warm-up (library metadata + DACH samples): {warm.TotalMilliseconds:0.0} ms");
        Console.WriteLine($"first DACH parse after warm-up:          {firstDach.TotalMicroseconds:0} µs ({first.Number?.E164})");
        Console.WriteLine($"first parse of a cold region (FR):        {firstCold.TotalMilliseconds:0.00} ms");
        Console.WriteLine($"process working set:                      {Environment.WorkingSet / 1024 / 1024} MiB");
        return 0;
    }
}
