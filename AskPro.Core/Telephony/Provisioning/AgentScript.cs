using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AskPro.Core.Directory;

namespace AskPro.Core.Telephony.Provisioning;

/// <summary>The German prompt and first sentence of one branch's agent, written from the
/// company's data: who it is (an AI, as the EU AI Act requires callers to be told at once),
/// that the call is recorded, what the branch offers, when it is open, its rules, and how to
/// use each function. Dynamic variables in {{…}} come from call_inbound.</summary>
public static class AgentScript
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static AgentSetup For(DirectorySnapshot directory, Branch branch, AgentEndpoints endpoints, DateOnly today)
    {
        var company = directory.Company.Name;
        var begin = $"Guten Tag, hier ist der digitale Assistent von {company}. Ich bin eine künstliche Intelligenz, und dieses Gespräch wird aufgezeichnet. Wie kann ich Ihnen helfen?";
        return new AgentSetup(
            AgentName: $"{company} – {branch.Name}",
            Prompt: Prompt(directory, branch, today),
            BeginMessage: begin,
            Functions: AgentFunctionCatalog.All,
            FunctionsUrl: endpoints.FunctionsUrl,
            WebhookUrl: endpoints.WebhookUrl,
            VoiceId: endpoints.VoiceId,
            Language: endpoints.Language);
    }

    /// <summary>What was pushed, as a short hash: the same setup twice sends nothing the second time.</summary>
    public static string Fingerprint(AgentSetup setup)
    {
        var text = new StringBuilder().AppendJoin('\n', setup.AgentName, setup.Prompt, setup.BeginMessage, setup.FunctionsUrl, setup.WebhookUrl, setup.VoiceId, setup.Language);
        foreach (var f in setup.Functions) text.Append('\n').Append(f.Name).Append(f.Description).AppendJoin(',', f.Parameters.Select(p => $"{p.Name}:{p.Type}:{p.Required}:{p.Description}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Prompt(DirectorySnapshot d, Branch branch, DateOnly today)
    {
        var p = new StringBuilder();
        p.AppendLine($"Du bist der freundliche Telefonassistent von {d.Company.Name} (Standort {branch.Name}{Address(branch)}). Du sprichst Deutsch, in kurzen, natürlichen Sätzen, und siezt die Anrufer.");
        p.AppendLine("Du bist eine künstliche Intelligenz und sagst das gleich zu Beginn und auf Nachfrage ehrlich. Sage zu Beginn auch, dass das Gespräch aufgezeichnet wird. Gib dich nie als Mensch aus.");
        p.AppendLine("Wenn {{freigeschaltet}} \"nein\" ist: sage genau {{hinweis}} und beende das Gespräch, ohne etwas zu buchen.");
        p.AppendLine("Heute ist {{heute}}, es ist {{uhrzeit}} Uhr. Bekannter Kunde: {{bekannter_kunde}} (Vorname: {{vorname}}).");
        p.AppendLine();
        p.AppendLine("## Dienstleistungen");
        foreach (var s in d.Services)
        {
            var price = s.Price.Cents > 0 ? $", {s.Price}" : ", Preis auf Anfrage";
            var staff = d.Staff.Where(x => x.BranchId == branch.Id && x.Services.Any(v => v.Id == s.Id)).Select(x => x.Name).ToList();
            p.Append($"- {s.Name}: {s.DurationMinutes} Minuten{price}; buchbar bis {Notice(s.MinimumNoticeMinutes)} vorher, absagen bis {s.CancellationNoticeHours} Stunden vorher");
            if (staff.Count > 0) p.Append($"; macht: {string.Join(", ", staff)}");
            if (s.Aliases.Trim().Length > 0) p.Append($"; auch genannt: {s.Aliases.Trim()}");
            p.AppendLine();
        }
        p.AppendLine();
        p.AppendLine("## Öffnungszeiten");
        foreach (var day in Week)
        {
            var intervals = branch.OpeningHours.Where(h => h.Day == day).OrderBy(h => h.Opens).Select(h => $"{h.Opens:HH\\:mm}–{h.Closes:HH\\:mm} Uhr").ToList();
            p.AppendLine($"- {German.DateTimeFormat.GetDayName(day)}: {(intervals.Count == 0 ? "geschlossen" : string.Join(", ", intervals))}");
        }
        var closures = branch.Closures.Where(c => c.To >= today).OrderBy(c => c.From).Take(10).ToList();
        if (closures.Count > 0)
        {
            p.AppendLine("Geschlossen außerdem:");
            foreach (var c in closures) p.AppendLine($"- {c.From.ToString("d. MMMM yyyy", German)} bis {c.To.ToString("d. MMMM yyyy", German)} ({c.Reason})");
        }
        p.AppendLine("An gesetzlichen Feiertagen ist geschlossen; check_availability kennt sie.");
        p.AppendLine();
        p.AppendLine("## So arbeitest du");
        p.AppendLine("- Rufe zu Beginn initialize_call auf.");
        p.AppendLine("- Fragen nach dem Angebot, der Dauer oder den Preisen: list_services.");
        p.AppendLine("- Terminwunsch: erst check_availability mit Dienstleistung, Datum und Uhrzeit so, wie der Anrufer sie sagt (rechne nichts um). Ist der Termin frei, frage nach dem Namen, lies Termin und Dienstleistung zur Bestätigung vor und rufe nach dem Ja book_appointment auf.");
        p.AppendLine("- Ist der Wunsch nicht frei, biete die genannten Alternativen an; erfinde nie selbst Zeiten.");
        p.AppendLine("- Passt keine Alternative: biete die Warteliste an und rufe nach dem Ja join_waitlist mit Dienstleistung und Zeitraum auf.");
        p.AppendLine("- Fragen nach eigenen Terminen: get_customer_appointments. Absagen: cancel_appointment. Verschieben: reschedule_appointment mit neuem Datum und neuer Uhrzeit.");
        p.AppendLine("- Kannst du nicht helfen oder möchte der Anrufer einen Menschen sprechen: request_callback.");
        p.AppendLine("- Lies die Antwort der Funktionen (message) so vor, wie sie kommt. Nenne nie Daten anderer Kunden.");
        return p.ToString();
    }

    private static string Address(Branch b) =>
        string.Join(", ", new[] { b.Street, $"{b.PostalCode} {b.City}".Trim() }.Where(x => x.Length > 0)) is { Length: > 0 } a ? ", " + a : "";

    private static string Notice(int minutes) => minutes switch
    {
        < 60 => $"{minutes} Minuten",
        60 => "eine Stunde",
        _ when minutes % 1440 == 0 => minutes == 1440 ? "einen Tag" : $"{minutes / 1440} Tage",
        _ when minutes % 60 == 0 => $"{minutes / 60} Stunden",
        _ => $"{minutes} Minuten",
    };
}
