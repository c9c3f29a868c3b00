using System.Globalization;

namespace AskPro.Benchmarks.Soak;

/// <summary>One look at an app process from outside: /proc for memory, handles and threads,
/// the app's own /metrics (System.Runtime meter) for the GC heap and the memory the GC has
/// committed. Private memory minus the GC's committed memory is what the process holds outside
/// the managed heap (native: SQLite's page caches, JIT'ed code, thread stacks).</summary>
public sealed record ProcessSample(double RssMb, double PrivateMb, double? GcHeapMb, double? GcCommittedMb, int Handles, int Threads)
{
    public double? NativeMb => GcCommittedMb is { } committed ? PrivateMb - committed : null;

    public static async Task<ProcessSample> TakeAsync(int pid, HttpClient http)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        double Kb(string field) => double.Parse(status.First(l => l.StartsWith(field + ":")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var handles = Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
        var metrics = await MetricsAsync(http);
        return new ProcessSample(Kb("VmRSS") / 1024, Kb("RssAnon") / 1024,
            SumMb(metrics, "dotnet_gc_last_collection_heap_size_bytes"), SumMb(metrics, "dotnet_gc_last_collection_memory_committed_size_bytes"),
            handles, (int)Kb("Threads"));
    }

    private static async Task<string[]> MetricsAsync(HttpClient http)
    {
        try
        {
            return (await http.GetStringAsync("metrics")).Split('\n');
        }
        catch (HttpRequestException)
        {
            return []; // the sample still has /proc's numbers
        }
    }

    /// <summary>A metric summed over its series (the heap size over the generations); null when
    /// it is not exported.</summary>
    private static double? SumMb(string[] metrics, string name)
    {
        var values = metrics.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? null : values.Sum() / (1024 * 1024);
    }
}
