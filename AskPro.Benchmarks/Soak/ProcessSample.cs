using System.Globalization;

namespace AskPro.Benchmarks.Soak;

/// <summary>One look at an app process from outside: /proc for memory, handles and threads,
/// the app's own /metrics (System.Runtime meter) for the GC heap.</summary>
public sealed record ProcessSample(double RssMb, double PrivateMb, double? GcHeapMb, int Handles, int Threads)
{
    public static async Task<ProcessSample> TakeAsync(int pid, HttpClient http)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        double Kb(string field) => double.Parse(status.First(l => l.StartsWith(field + ":")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var handles = Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
        return new ProcessSample(Kb("VmRSS") / 1024, Kb("RssAnon") / 1024, await GcHeapMbAsync(http), handles, (int)Kb("Threads"));
    }

    /// <summary>The heap size after the last collection, summed over generations; null when the
    /// metric is not exported.</summary>
    private static async Task<double?> GcHeapMbAsync(HttpClient http)
    {
        try
        {
            var text = await http.GetStringAsync("metrics");
            var values = text.Split('\n').Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes"))
                .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
            return values.Count == 0 ? null : values.Sum() / (1024 * 1024);
        }
        catch (HttpRequestException)
        {
            return null; // the sample still has /proc's numbers
        }
    }
}
