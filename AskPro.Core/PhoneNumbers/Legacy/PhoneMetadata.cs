using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;

namespace AskPro.Core.PhoneNumbers.Legacy;

/// <summary>Google's numbering plans for every region, from the embedded metadata.max.json.
/// The JSON is read once; each region's patterns are compiled on first use and cached.</summary>
internal static class PhoneMetadata
{
    private static readonly Lazy<Catalogue> Data = new(Load);
    private static readonly ConcurrentDictionary<string, NumberingPlan?> Plans = new(StringComparer.Ordinal);

    private sealed record Catalogue(
        JsonDocument Document,
        FrozenDictionary<string, string[]> RegionsByCallingCode,
        FrozenDictionary<string, string> CallingCodeByRegion,
        string Version);

    /// <summary>Where AskPro's callers and customers are: compiled to IL and warmed at start-up.</summary>
    public static readonly FrozenSet<string> HotRegions = new[] { "DE", "AT", "CH" }.ToFrozenSet(StringComparer.Ordinal);

    public static string Version => Data.Value.Version;

    /// <summary>The regions that share <paramref name="callingCode"/>, main region first;
    /// "001" for non-geographic codes (+800, +882 …).</summary>
    public static string[]? RegionsFor(string callingCode) => Data.Value.RegionsByCallingCode.GetValueOrDefault(callingCode);

    public static string? CallingCodeOf(string region) => Data.Value.CallingCodeByRegion.GetValueOrDefault(region.ToUpperInvariant());

    public static NumberingPlan? PlanForRegion(string region) => Plans.GetOrAdd(region.ToUpperInvariant(), static r =>
        Data.Value.Document.RootElement.GetProperty("countries").TryGetProperty(r, out var data) ? new NumberingPlan(r, data, compiled: HotRegions.Contains(r)) : null);

    /// <summary>The plan used to read a number with this calling code: its main region's, or the
    /// non-geographic entry.</summary>
    public static NumberingPlan? PlanForCallingCode(string callingCode)
    {
        var regions = RegionsFor(callingCode);
        if (regions is null) return null;
        return regions[0] == "001" ? NonGeographic(callingCode) : PlanForRegion(regions[0]);
    }

    public static NumberingPlan? NonGeographic(string callingCode) => Plans.GetOrAdd("001+" + callingCode, static key =>
        Data.Value.Document.RootElement.GetProperty("nonGeographic").TryGetProperty(key[4..], out var data) ? new NumberingPlan("001", data, compiled: false) : null);

    /// <summary>Compiles the plans most calls need before the first call does (start-up warm-up).</summary>
    public static void Warm(params string[] regions)
    {
        foreach (var region in regions)
        {
            var plan = PlanForRegion(region);
            plan?.TypeOf("1234567890");
            if (plan is not null) foreach (var format in plan.Formats) format.Applies("1234567890");
        }
    }

    private static Catalogue Load()
    {
        using var stream = typeof(PhoneMetadata).Assembly.GetManifestResourceStream("AskPro.PhoneNumbers.metadata.max.json")
            ?? throw new InvalidOperationException("The phone numbering metadata is not embedded.");
        var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        var byCode = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var code in root.GetProperty("country_calling_codes").EnumerateObject())
            byCode[code.Name] = code.Value.EnumerateArray().Select(r => r.GetString()!).ToArray();
        foreach (var code in root.GetProperty("nonGeographic").EnumerateObject())
            byCode.TryAdd(code.Name, ["001"]);

        var byRegion = root.GetProperty("countries").EnumerateObject()
            .ToFrozenDictionary(c => c.Name, c => c.Value[0].GetString()!, StringComparer.Ordinal);
        return new Catalogue(document, byCode.ToFrozenDictionary(StringComparer.Ordinal), byRegion, root.GetProperty("version").ToString());
    }
}
