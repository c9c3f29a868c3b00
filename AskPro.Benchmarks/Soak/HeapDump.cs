using System.Globalization;
using System.Text.RegularExpressions;
using AskPro.Tests.Support;

namespace AskPro.Benchmarks.Soak;

/// <summary><c>--heap-dumps DIR</c>: a gcdump of each app process at the start and the end
/// (dotnet-gcdump, a local tool of the repository: <c>dotnet tool restore</c>). Taking one forces
/// a full, blocking collection, so its total is the live heap, what a leak grows, without the
/// garbage that "GC heap after the last collection" still counts after a gen-0 collection. The
/// files stay for a by-type comparison: <c>dotnet dotnet-gcdump report FILE</c>.</summary>
public static partial class HeapDump
{
    /// <summary>Writes <paramref name="file"/> and returns the live heap in MB.</summary>
    public static async Task<double> TakeAsync(int pid, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await ExternalProcess.RunAsync("dotnet", ["dotnet-gcdump", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file]);
        var report = await ExternalProcess.RunAsync("dotnet", ["dotnet-gcdump", "report", file]);
        var total = TotalLine().Match(report);
        return total.Success
            ? double.Parse(total.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) / (1024 * 1024)
            : throw new InvalidOperationException("dotnet-gcdump report has no 'GC Heap bytes' line: " + report);
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}
