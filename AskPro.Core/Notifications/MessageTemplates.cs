using System.Globalization;
using System.Text.RegularExpressions;

namespace AskPro.Core.Notifications;

/// <summary>What a message says about its appointment, already in the branch's local time.</summary>
public sealed record MessageFacts(string CustomerName, string ServiceName, string StaffName, DateTime LocalStart, string CompanyName,
    string Address, string Link, string Language);

/// <summary>The default wording of every message in German and English, and the one way
/// placeholders are filled (also for a company's own templates and their preview).</summary>
public static partial class MessageTemplates
{
    public static readonly IReadOnlyList<string> Placeholders = ["kunde", "dienstleistung", "mitarbeiter", "datum", "uhrzeit", "firma", "adresse", "link"];

    public static string LanguageOf(string? language) => language is "en" ? "en" : "de";

    public static (string Subject, string Body) Default(MessageKind kind, MessageChannel channel, string language) =>
        (LanguageOf(language), kind, channel) switch
        {
            ("de", MessageKind.Confirmation, MessageChannel.Email) => ("Ihr Termin am {datum} um {uhrzeit}",
                "Hallo {kunde},\n\nIhr Termin für {dienstleistung} bei {mitarbeiter} ist gebucht: {datum} um {uhrzeit}.\n\nSo finden Sie uns: {firma}, {adresse}\n\nTermin ansehen, verschieben oder absagen: {link}\n\nBis bald!\n{firma}"),
            ("de", MessageKind.Change, MessageChannel.Email) => ("Ihr Termin wurde verschoben: {datum} um {uhrzeit}",
                "Hallo {kunde},\n\nIhr Termin für {dienstleistung} ist jetzt am {datum} um {uhrzeit} bei {mitarbeiter}.\n\n{firma}, {adresse}\n\nTermin ansehen: {link}\n\n{firma}"),
            ("de", MessageKind.Cancellation, MessageChannel.Email) => ("Ihr Termin am {datum} wurde abgesagt",
                "Hallo {kunde},\n\nIhr Termin für {dienstleistung} am {datum} um {uhrzeit} ist abgesagt.\n\nEinen neuen Termin buchen: {link}\n\n{firma}, {adresse}"),
            ("de", MessageKind.Reminder, MessageChannel.Email) => ("Erinnerung: Ihr Termin am {datum} um {uhrzeit}",
                "Hallo {kunde},\n\nwir erinnern Sie an Ihren Termin für {dienstleistung} bei {mitarbeiter}: {datum} um {uhrzeit}.\n\n{firma}, {adresse}\n\nVerschieben oder absagen: {link}\n\n{firma}"),
            ("de", MessageKind.WaitlistOffer, MessageChannel.Email) => ("Ein Termin ist frei geworden: {datum} um {uhrzeit}",
                "Hallo {kunde},\n\nSie stehen auf unserer Warteliste für {dienstleistung}. Gerade ist ein Termin frei geworden: {datum} um {uhrzeit} bei {mitarbeiter}.\n\nWer zuerst bucht, bekommt ihn: {link}\n\n{firma}, {adresse}"),
            ("de", MessageKind.WaitlistOffer, MessageChannel.Sms) => ("", "{firma}: Termin frei für {dienstleistung} am {datum} um {uhrzeit}. Wer zuerst bucht, bekommt ihn: {link}"),
            ("de", MessageKind.Confirmation, MessageChannel.Sms) => ("", "{firma}: Ihr Termin für {dienstleistung} am {datum} um {uhrzeit} ist gebucht. Ändern: {link}"),
            ("de", MessageKind.Change, MessageChannel.Sms) => ("", "{firma}: Ihr Termin ist verschoben auf {datum} um {uhrzeit}. {link}"),
            ("de", MessageKind.Cancellation, MessageChannel.Sms) => ("", "{firma}: Ihr Termin am {datum} um {uhrzeit} ist abgesagt. {link}"),
            ("de", MessageKind.Reminder, MessageChannel.Sms) => ("", "{firma}: Erinnerung an Ihren Termin am {datum} um {uhrzeit}. Ändern: {link}"),
            (_, MessageKind.Confirmation, MessageChannel.Email) => ("Your appointment on {datum} at {uhrzeit}",
                "Hello {kunde},\n\nyour appointment for {dienstleistung} with {mitarbeiter} is booked: {datum} at {uhrzeit}.\n\nWhere to find us: {firma}, {adresse}\n\nView, move or cancel it: {link}\n\nSee you soon!\n{firma}"),
            (_, MessageKind.Change, MessageChannel.Email) => ("Your appointment has moved: {datum} at {uhrzeit}",
                "Hello {kunde},\n\nyour appointment for {dienstleistung} is now on {datum} at {uhrzeit} with {mitarbeiter}.\n\n{firma}, {adresse}\n\nView it: {link}\n\n{firma}"),
            (_, MessageKind.Cancellation, MessageChannel.Email) => ("Your appointment on {datum} has been cancelled",
                "Hello {kunde},\n\nyour appointment for {dienstleistung} on {datum} at {uhrzeit} is cancelled.\n\nBook a new one: {link}\n\n{firma}, {adresse}"),
            (_, MessageKind.Reminder, MessageChannel.Email) => ("Reminder: your appointment on {datum} at {uhrzeit}",
                "Hello {kunde},\n\na reminder of your appointment for {dienstleistung} with {mitarbeiter}: {datum} at {uhrzeit}.\n\n{firma}, {adresse}\n\nMove or cancel it: {link}\n\n{firma}"),
            (_, MessageKind.WaitlistOffer, MessageChannel.Email) => ("A slot has opened up: {datum} at {uhrzeit}",
                "Hello {kunde},\n\nyou are on our waitlist for {dienstleistung}. A slot has just opened up: {datum} at {uhrzeit} with {mitarbeiter}.\n\nFirst come, first served: {link}\n\n{firma}, {adresse}"),
            (_, MessageKind.WaitlistOffer, MessageChannel.Sms) => ("", "{firma}: a slot for {dienstleistung} opened up on {datum} at {uhrzeit}. First come, first served: {link}"),
            (_, MessageKind.Confirmation, MessageChannel.Sms) => ("", "{firma}: your appointment for {dienstleistung} on {datum} at {uhrzeit} is booked. Change: {link}"),
            (_, MessageKind.Change, MessageChannel.Sms) => ("", "{firma}: your appointment has moved to {datum} at {uhrzeit}. {link}"),
            (_, MessageKind.Cancellation, MessageChannel.Sms) => ("", "{firma}: your appointment on {datum} at {uhrzeit} is cancelled. {link}"),
            _ => ("", "{firma}: reminder of your appointment on {datum} at {uhrzeit}. Change: {link}"),
        };

    /// <summary>Fills the placeholders; unknown ones stay as written, so a typo shows in the preview.</summary>
    public static string Fill(string template, MessageFacts facts)
    {
        var culture = CultureInfo.GetCultureInfo(facts.Language == "en" ? "en-GB" : "de-DE");
        var values = new Dictionary<string, string>
        {
            ["kunde"] = facts.CustomerName, ["dienstleistung"] = facts.ServiceName, ["mitarbeiter"] = facts.StaffName,
            ["datum"] = facts.LocalStart.ToString(facts.Language == "en" ? "dddd, d MMMM yyyy" : "dddd, d. MMMM yyyy", culture),
            ["uhrzeit"] = facts.LocalStart.ToString("HH:mm", culture) + (facts.Language == "en" ? "" : " Uhr"),
            ["firma"] = facts.CompanyName, ["adresse"] = facts.Address, ["link"] = facts.Link,
        };
        return Placeholder().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value.ToLowerInvariant(), m.Value));
    }

    /// <summary>What is wrong with a company's template text, in German, or null: required, at
    /// most <paramref name="max"/> long, only known placeholders and no other braces, no control
    /// characters (line breaks only in a body).</summary>
    public static string? Problem(string? text, string noun, int max, bool singleLine)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return $"{noun} darf nicht leer sein.";
        if (value.Length > max) return $"{noun} darf höchstens {max} Zeichen lang sein.";
        if (value.Any(c => char.IsControl(c) && (singleLine || c is not ('\n' or '\r' or '\t')))) return $"{noun} enthält unzulässige Zeichen.";
        foreach (Match m in AnyBraces().Matches(value))
            if (!Placeholders.Contains(m.Groups[1].Value.ToLowerInvariant()))
                return $"Unbekannter Platzhalter {m.Value}. Erlaubt sind: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.";
        if (AnyBraces().Replace(value, "").IndexOfAny(['{', '}']) >= 0)
            return "Geschweifte Klammern sind nur um Platzhalter erlaubt, z. B. {kunde}.";
        return null;
    }

    /// <summary>Example facts for a template preview.</summary>
    public static MessageFacts Sample(string companyName, string address, string language) =>
        new(language == "en" ? "Alex Example" : "Lena Beispiel", language == "en" ? "Haircut" : "Damenhaarschnitt", "Anna", new DateTime(2026, 11, 24, 14, 30, 0),
            companyName, address, "https://askpro.example/portal", LanguageOf(language));

    [GeneratedRegex(@"\{([A-Za-zäöü]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex AnyBraces();
}
