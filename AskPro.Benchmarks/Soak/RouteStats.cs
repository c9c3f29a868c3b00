using System.Collections.Concurrent;

namespace AskPro.Benchmarks.Soak;

/// <summary>Latency and outcome of every request per node and route, counted from the end of
/// the warm-up (<see cref="Counting"/>).</summary>
public sealed class RouteStats
{
    private readonly ConcurrentDictionary<(int Node, string Route), Route> _routes = new();

    public volatile bool Counting;

    public long Requests => _routes.Values.Sum(r => r.Latencies.Count);
    public long Errors => _routes.Values.Sum(r => r.Errors);

    /// <summary>Sends and records one request; <paramref name="send"/> returns the outcome
    /// (a status such as "booked") and whether it is an error.</summary>
    public async Task<string> TimeAsync(int node, string route, Func<Task<(string Outcome, bool Ok)>> send)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        (string Outcome, bool Ok) result;
        try
        {
            result = await send();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            result = (e.GetType().Name, false); // counted as an error, never hidden
        }
        if (!Counting) return result.Outcome;
        var stats = _routes.GetOrAdd((node, route), _ => new Route());
        stats.Latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        stats.Outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
        if (!result.Ok) Interlocked.Increment(ref stats.Errors);
        return result.Outcome;
    }

    public void Print(int nodes, TimeSpan measured)
    {
        Console.WriteLine("| node | route | requests | req/s | errors | p50 ms | p95 ms | p99 ms | outcomes |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var ((node, route), stats) in _routes.OrderBy(r => r.Key.Node).ThenBy(r => r.Key.Route, StringComparer.Ordinal))
        {
            var sorted = stats.Latencies.Order().ToArray();
            var outcomes = string.Join(", ", stats.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}"));
            Console.WriteLine($"| {(nodes == 1 ? "app" : ((char)('A' + node)).ToString())} | {route} | {sorted.Length} | {sorted.Length / measured.TotalSeconds:0.0} | {stats.Errors} | " +
                              $"{Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {Percentile(sorted, 0.99):0.0} | {outcomes} |");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class Route
    {
        public readonly ConcurrentBag<double> Latencies = [];
        public readonly ConcurrentDictionary<string, int> Outcomes = new();
        public long Errors;
    }
}
