namespace AskPro.Core.Directory;

/// <summary>A German Bundesland, Austrian state or Swiss canton (ISO 3166-2 code).</summary>
public sealed record Region(string Code, string Name)
{
    public string Country => Code[..2];
}

/// <summary>The regions whose public holidays a branch can follow, and a suggestion from the
/// postal code (a suggestion only: postal areas cross state borders in places).</summary>
public static class Regions
{
    public static readonly IReadOnlyList<Region> All =
    [
        new("DE-BW", "Baden-Württemberg"), new("DE-BY", "Bayern"), new("DE-BE", "Berlin"), new("DE-BB", "Brandenburg"),
        new("DE-HB", "Bremen"), new("DE-HH", "Hamburg"), new("DE-HE", "Hessen"), new("DE-MV", "Mecklenburg-Vorpommern"),
        new("DE-NI", "Niedersachsen"), new("DE-NW", "Nordrhein-Westfalen"), new("DE-RP", "Rheinland-Pfalz"), new("DE-SL", "Saarland"),
        new("DE-SN", "Sachsen"), new("DE-ST", "Sachsen-Anhalt"), new("DE-SH", "Schleswig-Holstein"), new("DE-TH", "Thüringen"),
        new("AT-1", "Burgenland"), new("AT-2", "Kärnten"), new("AT-3", "Niederösterreich"), new("AT-4", "Oberösterreich"),
        new("AT-5", "Salzburg"), new("AT-6", "Steiermark"), new("AT-7", "Tirol"), new("AT-8", "Vorarlberg"), new("AT-9", "Wien"),
        new("CH-AG", "Aargau"), new("CH-AI", "Appenzell Innerrhoden"), new("CH-AR", "Appenzell Ausserrhoden"), new("CH-BE", "Bern"),
        new("CH-BL", "Basel-Landschaft"), new("CH-BS", "Basel-Stadt"), new("CH-FR", "Freiburg"), new("CH-GE", "Genf"),
        new("CH-GL", "Glarus"), new("CH-GR", "Graubünden"), new("CH-JU", "Jura"), new("CH-LU", "Luzern"), new("CH-NE", "Neuenburg"),
        new("CH-NW", "Nidwalden"), new("CH-OW", "Obwalden"), new("CH-SG", "St. Gallen"), new("CH-SH", "Schaffhausen"),
        new("CH-SO", "Solothurn"), new("CH-SZ", "Schwyz"), new("CH-TG", "Thurgau"), new("CH-TI", "Tessin"), new("CH-UR", "Uri"),
        new("CH-VD", "Waadt"), new("CH-VS", "Wallis"), new("CH-ZG", "Zug"), new("CH-ZH", "Zürich"),
    ];

    public static bool IsKnown(string code) => All.Any(r => r.Code == code);

    /// <summary>The region a postal code most likely lies in; null when the code is not a
    /// postal code of that country or the table does not know it.</summary>
    public static string? Suggest(string countryCode, string postalCode)
    {
        var digits = postalCode.Trim();
        return countryCode.ToUpperInvariant() switch
        {
            "DE" when digits.Length == 5 && digits.All(char.IsAsciiDigit) => PostalRegions.Germany(digits),
            "AT" when digits.Length == 4 && digits.All(char.IsAsciiDigit) => PostalRegions.Austria(digits),
            "CH" when digits.Length == 4 && digits.All(char.IsAsciiDigit) => PostalRegions.Switzerland(digits),
            _ => null,
        };
    }
}
