using AskPro.Core.PhoneNumbers;
using BenchmarkDotNet.Attributes;

namespace AskPro.Benchmarks.PhoneNumbers;

/// <summary>One parse (allow-list, country code, national prefix, lengths, type) of inputs as
/// people and providers send them. Each benchmark cycles through its inputs so no single
/// branch is measured alone.</summary>
[MemoryDiagnoser]
public class PhoneParseBenchmarks
{
    private static readonly string[] DachMobile = ["0171 1234567", "+49 151 23456789", "0043 664 1234567", "+41 79 123 45 67", "(0176) 123 456 78"];
    private static readonly string[] DachLandline = ["030 55501000", "+49 (0)89 55502000", "+43 1 5321234", "044 668 18 00", "0221-1234567"];
    private static readonly (string Input, string Region)[] World = [("+1 201-555-0123", "US"), ("+44 20 7946 0958", "GB"), ("01 23 45 67 89", "FR"), ("+39 06 1234 5678", "IT"), ("+81 3-1234-5678", "JP")];
    private static readonly string[] Junk = ["+49 171 1234567<script>", "'; DROP TABLE x;--", "anonymous", "+49 12", new string('9', 5000)];

    private int _i;

    [GlobalSetup]
    public void Warm()
    {
        PhoneNumberParser.Warm();
        foreach (var (input, region) in World) PhoneNumberParser.Parse(input, region);
        Legacy.Warm();
        foreach (var (input, region) in World) Legacy.Parse(input, region);
    }

    // Once, side by side, before the old parser is deleted (docs/PERFORMANCE.md).
    private static class Legacy
    {
        public static void Warm() => AskPro.Core.PhoneNumbers.Legacy.PhoneNumberParser.Warm();
        public static AskPro.Core.PhoneNumbers.Legacy.PhoneParseResult Parse(string input, string region) => AskPro.Core.PhoneNumbers.Legacy.PhoneNumberParser.Parse(input, region);
    }

    [Benchmark]
    public AskPro.Core.PhoneNumbers.Legacy.PhoneParseResult OldDachMobileParse() => Legacy.Parse(DachMobile[_i++ % DachMobile.Length], "DE");

    [Benchmark]
    public AskPro.Core.PhoneNumbers.Legacy.PhoneParseResult OldDachLandlineParse() => Legacy.Parse(DachLandline[_i++ % DachLandline.Length], "DE");

    [Benchmark]
    public AskPro.Core.PhoneNumbers.Legacy.PhoneParseResult OldOtherCountriesParse()
    {
        var (input, region) = World[_i++ % World.Length];
        return Legacy.Parse(input, region);
    }

    [Benchmark]
    public AskPro.Core.PhoneNumbers.Legacy.PhoneParseResult OldJunkRejected() => Legacy.Parse(Junk[_i++ % Junk.Length], "DE");

    [Benchmark]
    public string OldDachNationalFormat() => Legacy.Parse(DachLandline[_i++ % DachLandline.Length], "DE").Number!.Format(PhoneNumberFormat.National);

    [Benchmark]
    public PhoneParseResult DachMobileParse() => PhoneNumberParser.Parse(DachMobile[_i++ % DachMobile.Length], "DE");

    [Benchmark]
    public PhoneParseResult DachLandlineParse() => PhoneNumberParser.Parse(DachLandline[_i++ % DachLandline.Length], "DE");

    [Benchmark]
    public PhoneParseResult OtherCountriesParse()
    {
        var (input, region) = World[_i++ % World.Length];
        return PhoneNumberParser.Parse(input, region);
    }

    [Benchmark]
    public PhoneParseResult JunkRejected() => PhoneNumberParser.Parse(Junk[_i++ % Junk.Length], "DE");

    [Benchmark]
    public string DachNationalFormat() => PhoneNumberParser.Parse(DachLandline[_i++ % DachLandline.Length], "DE").Number!.Format(PhoneNumberFormat.National);
}
