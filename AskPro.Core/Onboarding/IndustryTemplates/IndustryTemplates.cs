namespace AskPro.Core.Onboarding.IndustryTemplates;

/// <summary>A typical service of an industry: a starting point the admin edits in the wizard.</summary>
public sealed record ServiceTemplate(
    string Name, int DurationMinutes, int BufferMinutes, long PriceCents, int MinimumNoticeMinutes, int CancellationNoticeHours, string Aliases = "");

/// <summary>An industry the wizard offers, with its usual services.</summary>
public sealed record IndustryTemplate(string Key, string Name, IReadOnlyList<ServiceTemplate> Services);

/// <summary>The industries and their typical services, durations, buffers, prices (Germany,
/// 2026, mid-range) and notice policies. Data, not rules: every value is editable and the
/// directory use cases check what is finally saved.</summary>
public static class IndustryTemplates
{
    public static readonly IReadOnlyList<IndustryTemplate> All =
    [
        new("friseur", "Friseur",
        [
            new("Damenhaarschnitt", 60, 0, 4900, 60, 24, "Damen schneiden, Haarschnitt Damen"),
            new("Herrenhaarschnitt", 30, 0, 2900, 60, 24, "Herren schneiden, Männerhaarschnitt"),
            new("Kinderhaarschnitt", 30, 0, 1900, 60, 24, "Kinder schneiden"),
            new("Färben", 120, 15, 7900, 120, 24, "Farbe, Haare färben, Ansatz"),
            new("Strähnchen", 120, 15, 8900, 120, 24, "Highlights, Balayage"),
            new("Föhnen & Styling", 30, 0, 2500, 60, 12, "Föhnen, Styling"),
        ]),
        new("kosmetik", "Kosmetik",
        [
            new("Gesichtsbehandlung", 60, 15, 6900, 120, 24, "Gesichtspflege, Facial"),
            new("Maniküre", 45, 10, 3500, 60, 24, "Nägel, Hände"),
            new("Pediküre", 60, 10, 4500, 60, 24, "Fußpflege, Füße"),
            new("Wimpern färben", 15, 5, 1500, 60, 12, "Wimpern"),
            new("Augenbrauen zupfen", 15, 5, 1200, 60, 12, "Augenbrauen, Brauen"),
            new("Haarentfernung Waxing", 30, 10, 3000, 60, 24, "Waxing, Enthaarung"),
        ]),
        new("physiotherapie", "Physiotherapie",
        [
            new("Krankengymnastik", 30, 5, 3000, 240, 24, "KG, Physiotherapie"),
            new("Manuelle Therapie", 30, 5, 3800, 240, 24, "MT"),
            new("Massage", 30, 5, 3200, 240, 24, "klassische Massage"),
            new("Lymphdrainage", 45, 5, 4500, 240, 24, "Lymph"),
            new("Erstbefund", 45, 5, 5500, 1440, 24, "Befund, erster Termin"),
        ]),
        new("arztpraxis", "Arztpraxis",
        [
            new("Erstgespräch", 30, 0, 0, 240, 24, "erster Termin, Neupatient"),
            new("Kontrolle", 15, 0, 0, 120, 24, "Nachkontrolle, Kontrolltermin"),
            new("Vorsorgeuntersuchung", 30, 0, 0, 1440, 24, "Vorsorge, Check-up, Gesundheitscheck"),
            new("Impfung", 15, 0, 0, 120, 24, "impfen, Impftermin"),
            new("Blutabnahme", 15, 0, 0, 120, 12, "Blut abnehmen, Labor"),
        ]),
        new("zahnarzt", "Zahnarzt",
        [
            new("Kontrolluntersuchung", 30, 5, 0, 240, 24, "Kontrolle, Untersuchung"),
            new("Professionelle Zahnreinigung", 60, 10, 9900, 1440, 48, "PZR, Zahnreinigung"),
            new("Füllung", 45, 10, 0, 240, 24, "Plombe, Karies"),
            new("Schmerzbehandlung", 30, 5, 0, 0, 0, "Schmerzen, Notfall"),
            new("Beratung Zahnersatz", 30, 5, 0, 1440, 24, "Krone, Brücke, Implantat"),
        ]),
        new("kfz-werkstatt", "Kfz-Werkstatt",
        [
            new("Inspektion", 120, 15, 19900, 1440, 24, "Service, Wartung"),
            new("Ölwechsel", 45, 15, 8900, 240, 24, "Öl"),
            new("Reifenwechsel", 30, 15, 4900, 240, 24, "Räder wechseln, Winterreifen, Sommerreifen"),
            new("Hauptuntersuchung", 60, 15, 14900, 1440, 24, "HU, TÜV"),
            new("Bremsencheck", 45, 15, 3900, 240, 24, "Bremsen"),
            new("Klimaservice", 60, 15, 9900, 1440, 24, "Klimaanlage"),
        ]),
    ];

    public static IndustryTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);
}
