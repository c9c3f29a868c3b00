using System.Diagnostics;
using AskPro.Tests.Support;

namespace AskPro.Benchmarks.Http;

/// <summary>Sends a fixed number of requests with a fixed number in flight and reports
/// throughput and latency percentiles (time to the complete response).</summary>
public static class LoadRun
{
    public sealed record Report(string Name, int Concurrency, int Requests, double Seconds, double P50, double P95, double P99, int Errors)
    {
        public double PerSecond => Requests / Seconds;

        /// <summary>The app's CPU time during the run divided by the requests (set when the app is known).</summary>
        public double? AppCpuMsPerRequest { get; init; }

        public override string ToString() =>
            $"| {Name} | {Concurrency} | {Requests} | {PerSecond:0} | {P50:0.0} | {P95:0.0} | {P99:0.0} | {Errors} | {AppCpuMsPerRequest:0.00} |";
    }

    /// <summary>A run with the app's process CPU time measured around it.</summary>
    public static async Task<Report> RunAsync(AppProcess app, string name, int concurrency, int requests, Func<int, Task<bool>> send)
    {
        var before = app.CpuTime;
        var report = await RunAsync(name, concurrency, requests, send);
        return report with { AppCpuMsPerRequest = (app.CpuTime - before).TotalMilliseconds / requests };
    }

    public static async Task<Report> RunAsync(string name, int concurrency, int requests, Func<int, Task<bool>> send)
    {
        var latencies = new double[requests];
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref errors);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Report(name, concurrency, requests, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
