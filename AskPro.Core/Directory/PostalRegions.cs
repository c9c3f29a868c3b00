namespace AskPro.Core.Directory;

/// <summary>Postal-code ranges to regions, by the leading digits (most specific first). Written
/// from the postal areas' layout; where an area straddles a border, the larger side wins.</summary>
internal static class PostalRegions
{
    // German postal codes: three-digit prefixes where a two-digit area is split, then two-digit areas.
    private static readonly (string Prefix, string Region)[] GermanRanges =
    [
        ("019", "BB"), ("046", "TH"), ("049", "BB"), ("140", "BE"), ("141", "BE"), ("172", "BB"),
        ("210", "HH"), ("211", "HH"), ("228", "SH"), ("229", "SH"), ("239", "MV"), ("275", "HB"), ("288", "NI"), ("289", "NI"),
        ("344", "NW"), ("364", "TH"), ("365", "TH"), ("366", "TH"), ("372", "HE"), ("373", "TH"), ("388", "ST"), ("389", "ST"),
        ("534", "RP"), ("535", "RP"), ("536", "RP"), ("575", "RP"), ("576", "RP"), ("637", "BY"), ("638", "BY"), ("639", "BY"),
        ("667", "RP"), ("668", "RP"), ("669", "RP"), ("685", "HE"), ("686", "HE"), ("767", "RP"), ("768", "RP"), ("769", "RP"),
        ("881", "BY"), ("890", "BW"), ("891", "BW"), ("978", "BW"), ("979", "BW"),
    ];

    private static readonly string[] GermanByTwoDigits = BuildGerman();

    private static string[] BuildGerman()
    {
        var map = new string[100];
        void Set(string region, params int[] areas) { foreach (var a in areas) map[a] = region; }
        Set("SN", 1, 2, 4, 8, 9);
        Set("BB", 3, 14, 15, 16);
        Set("ST", 6, 39);
        Set("TH", 7, 98, 99);
        Set("BE", 10, 12, 13);
        Set("MV", 17, 18, 19);
        Set("HH", 20, 22);
        Set("NI", 21, 26, 27, 29, 30, 31, 37, 38, 49);
        Set("SH", 23, 24, 25);
        Set("HB", 28);
        Set("NW", 32, 33, 40, 41, 42, 44, 45, 46, 47, 48, 50, 51, 52, 53, 57, 58, 59);
        Set("HE", 34, 35, 36, 60, 61, 63, 64, 65);
        Set("RP", 54, 55, 56, 67);
        Set("SL", 66);
        Set("BW", 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 88);
        Set("BY", 80, 81, 82, 83, 84, 85, 86, 87, 89, 90, 91, 92, 93, 94, 95, 96, 97);
        return map;
    }

    public static string? Germany(string code)
    {
        foreach (var (prefix, region) in GermanRanges)
            if (code.StartsWith(prefix, StringComparison.Ordinal)) return "DE-" + region;
        var area = (code[0] - '0') * 10 + (code[1] - '0');
        return GermanByTwoDigits[area] is { } found ? "DE-" + found : null;
    }

    /// <summary>Austria: the first digit is the postal region; Vorarlberg is 67–69, East Tyrol 99,
    /// most of Burgenland 7.</summary>
    public static string? Austria(string code)
    {
        if (code.StartsWith("99", StringComparison.Ordinal)) return "AT-7";
        if (code[0] == '6' && code[1] is '7' or '8' or '9') return "AT-8";
        return code[0] switch
        {
            '1' => "AT-9", '2' or '3' => "AT-3", '4' => "AT-4", '5' => "AT-5", '6' => "AT-7", '7' => "AT-1", '8' => "AT-6", '9' => "AT-2",
            _ => null,
        };
    }

    // Swiss postal codes follow routes, not cantons: only the clear ranges of the larger towns.
    private static readonly (int From, int To, string Canton)[] SwissRanges =
    [
        (1000, 1199, "VD"), (1200, 1299, "GE"), (1700, 1799, "FR"), (1950, 1999, "VS"), (2000, 2099, "NE"), (2800, 2899, "JU"),
        (3000, 3199, "BE"), (3900, 3999, "VS"), (4000, 4059, "BS"), (4410, 4499, "BL"), (4500, 4599, "SO"), (5000, 5099, "AG"),
        (5400, 5499, "AG"), (6000, 6099, "LU"), (6300, 6349, "ZG"), (6400, 6449, "SZ"), (6460, 6499, "UR"), (6500, 6999, "TI"),
        (7000, 7599, "GR"), (8000, 8099, "ZH"), (8200, 8299, "SH"), (8400, 8499, "ZH"), (8500, 8599, "TG"), (9000, 9099, "SG"),
        (9050, 9059, "AI"), (9100, 9109, "AR"),
    ];

    public static string? Switzerland(string code)
    {
        var number = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        string? canton = null;
        foreach (var (from, to, c) in SwissRanges)
            if (number >= from && number <= to) canton = c; // later, narrower ranges win
        return canton is null ? null : "CH-" + canton;
    }
}
