using System.Diagnostics;
using AskPro.Core.Scheduling.GermanDates;

namespace AskPro.Benchmarks.Scheduling;

/// <summary>The parser's cost in CPU time rather than wall-clock time: on a shared machine with a
/// load of 10 on two cores, wall-clock means measure the queue for the CPU, not the parser. One
/// thread parses the benchmark's phrases round-robin; process CPU time / phrases is reported per
/// round, with the wall-clock time and the load average beside it.</summary>
internal static class ParserCpu
{
    private const int PerRound = 200_000;

    public static int Run()
    {
        var phrases = ParserBenchmarks.Phrases;
        for (var i = 0; i < PerRound; i++) Parse(phrases, i); // warm-up: tiered JIT reaches tier 1
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine("round  cpu µs/phrase  wall µs/phrase");
        for (var round = 1; round <= 5; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < PerRound; i++) Parse(phrases, i);
            wall.Stop();
            process.Refresh();
            var cpuPer = (process.TotalProcessorTime - cpu).TotalMicroseconds / PerRound;
            Console.WriteLine($"{round,5}  {cpuPer,13:F2}  {wall.Elapsed.TotalMicroseconds / PerRound,14:F2}");
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static DateWish Parse((string? Date, string? Time)[] phrases, int i) =>
        GermanDateParser.Parse(phrases[i % phrases.Length].Date, phrases[i % phrases.Length].Time, ParserBenchmarks.Context);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
