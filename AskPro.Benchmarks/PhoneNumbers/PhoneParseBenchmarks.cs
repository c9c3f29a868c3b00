using AskPro.Core.PhoneNumbers;
using BenchmarkDotNet.Attributes;

namespace AskPro.Benchmarks.PhoneNumbers;

/// <summary>One parse (allow-list, then libphonenumber: country code, national prefix,
/// validity, E.164) of inputs as people and providers send them. Each benchmark cycles through its inputs so no single
/// branch is measured alone.</summary>
[MemoryDiagnoser]
public class PhoneParseBenchmarks
{
    private static readonly string[] DachMobile = ["0171 1234567", "+49 151 23456789", "0043 664 1234567", "+41 79 123 45 67", "(0176) 123 456 78"];
    private static readonly string[] DachLandline = ["030 55501000", "+49 (0)89 55502000", "+43 1 5321234", "044 668 18 00", "0221-1234567"];
    private static readonly (string Input, string Region)[] World = [("+1 201-555-0123", "US"), ("+44 20 7946 0958", "GB"), ("01 23 45 67 89", "FR"), ("+39 06 1234 5678", "IT"), ("+81 3-1234-5678", "JP")];
    // Refused by the allow-list before the library sees them.
    private static readonly string[] Junk = ["+49 171 1234567<script>", "'; DROP TABLE x;--", "anonymous", "+49 171 1234567;ext=1", new string('9', 5000)];
    // Allowed characters, but no number: the library decides.
    private static readonly string[] NotNumbers = ["+49 12", "+999 1234567", "0000 000", "+49 171 123456789012345", "12"];

    private int _i;

    [GlobalSetup]
    public void Warm()
    {
        PhoneNumberParser.Warm();
        foreach (var (input, region) in World) PhoneNumberParser.Parse(input, region);
    }

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
    public PhoneParseResult NotANumberRejected() => PhoneNumberParser.Parse(NotNumbers[_i++ % NotNumbers.Length], "DE");

    [Benchmark]
    public string DachNationalFormat() => PhoneNumberParser.Parse(DachLandline[_i++ % DachLandline.Length], "DE").Number!.Format(PhoneNumberFormat.National);
}
