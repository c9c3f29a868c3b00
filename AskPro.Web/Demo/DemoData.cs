namespace AskPro.Web.Demo;

/// <summary>The demo installation's constants (CONTRACTS.md "The demo installation"). Scripts,
/// the call simulator and black-box tests rely on these values.</summary>
public static class DemoData
{
    public const string RetellApiKey = "askpro-demo-retell-key";
    public const string PlatformEmail = "platform@askpro.demo";
    public const string PlatformPassword = "Demo!Platform2026";

    /// <summary>The salon's staff login (role CompanyStaff: reads the day's work, changes no settings).</summary>
    public const string SalonTeamEmail = "team@salon.demo";
    public const string SalonTeamPassword = "Demo!Team2026";

    public sealed record DemoCompany(
        string Name, string TenantKey, string Industry, string BranchName, string Street, string PostalCode, string City, string Region,
        string Phone, string AdminEmail, string AdminPassword, string ApiKey, string CalComSecret,
        (DayOfWeek Day, string Opens, string Closes)[] Hours,
        (string Name, int Minutes, long PriceCents, int Buffer, string Aliases)[] Services,
        string[] Staff);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static readonly DemoCompany Salon = new(
        "Salon Sonnenschein", "demo-salon", "Friseur", "Salon Sonnenschein Mitte", "Torstraße 101", "10119", "Berlin", "DE-BE",
        "+493055501000", "admin@salon.demo", "Demo!Salon2026", "demo-api-key-salon", "demo-calcom-secret-salon",
        [.. Weekdays.Select(d => (d, "09:00", "18:00")), (DayOfWeek.Saturday, "09:00", "14:00")],
        [("Damenhaarschnitt", 60, 4900, 0, "Haarschnitt Damen, Damenschnitt"), ("Herrenhaarschnitt", 30, 2900, 0, "Haarschnitt Herren, Herrenschnitt"),
         ("Färben", 120, 8900, 15, "Farbe, Haare färben, Coloration"), ("Beratung", 15, 0, 0, "Typberatung")],
        ["Anna Schmidt", "Mehmet Yılmaz", "Julia Weber"]);

    public static readonly DemoCompany Praxis = new(
        "Praxis Dr. Berg", "demo-praxis", "Physiotherapie", "Praxis Dr. Berg", "Leopoldstraße 28", "80802", "München", "DE-BY",
        "+498955502000", "admin@praxis.demo", "Demo!Praxis2026", "demo-api-key-praxis", "demo-calcom-secret-praxis",
        [(DayOfWeek.Monday, "08:00", "17:00"), (DayOfWeek.Tuesday, "08:00", "17:00"), (DayOfWeek.Wednesday, "08:00", "12:00"),
         (DayOfWeek.Thursday, "08:00", "17:00"), (DayOfWeek.Friday, "08:00", "17:00")],
        [("Erstgespräch", 30, 6000, 0, "Erstberatung, erster Termin"), ("Kontrolle", 15, 2500, 0, "Nachkontrolle, Kontrolltermin"),
         ("Behandlung", 45, 7500, 15, "Therapie, Sitzung")],
        ["Dr. Katrin Berg", "Thomas Müller"]);

    public static readonly string[] FirstNames =
        ["Lena", "Lukas", "Mia", "Finn", "Emma", "Jonas", "Hannah", "Leon", "Sophie", "Paul", "Marie", "Felix", "Laura", "Elias",
         "Lea", "Ben", "Clara", "Noah", "Ida", "Moritz", "Greta", "Anton", "Frieda", "Emil", "Mathilda"];

    public static readonly string[] LastNames =
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch",
         "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann"];
}
