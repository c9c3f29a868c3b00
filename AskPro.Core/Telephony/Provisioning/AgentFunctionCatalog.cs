namespace AskPro.Core.Telephony.Provisioning;

/// <summary>The functions the agent is given, with their parameters in German (the names
/// /api/retell/functions reads first). Their order and wording are part of the prompt's
/// fingerprint: a change here updates every agent on its next sync.</summary>
public static class AgentFunctionCatalog
{
    private static FunctionParameter Datum(string name = "datum") => new(name, "string", "Das Datum, wie der Anrufer es sagt (z. B. \"morgen\", \"nächsten Dienstag\", \"24.11.\").", true);
    private static FunctionParameter Uhrzeit(string name = "uhrzeit") => new(name, "string", "Die Uhrzeit, wie der Anrufer sie sagt (z. B. \"halb drei\", \"14:30\", \"vormittags\").", true);
    private static readonly FunctionParameter Dienstleistung = new("dienstleistung", "string", "Die gewünschte Dienstleistung, wie der Anrufer sie nennt.", true);
    private static readonly FunctionParameter Mitarbeiter = new("mitarbeiter", "string", "Die gewünschte Mitarbeiterin / der gewünschte Mitarbeiter, nur wenn genannt.");
    private static readonly FunctionParameter TerminId = new("termin_id", "string", "Die appointment_id aus get_customer_appointments; leer lassen, wenn der Anrufer nur einen Termin hat.");

    public static readonly IReadOnlyList<AgentFunctionSpec> All =
    [
        new("initialize_call", "Zu Beginn jedes Gesprächs aufrufen: liefert Datum, Uhrzeit und ob der Anrufer bekannt ist.", []),
        new("list_services", "Nennt die Dienstleistungen mit Dauer und Preis.", []),
        new("check_availability", "Prüft, ob ein Wunschtermin frei ist, und nennt sonst bis zu drei Alternativen. Vor jeder Buchung aufrufen.",
            [Dienstleistung, Datum(), Uhrzeit(), Mitarbeiter]),
        new("book_appointment", "Bucht den Termin, nachdem der Anrufer ihn bestätigt hat. Braucht den Namen des Anrufers.",
            [Dienstleistung, Datum(), Uhrzeit(), new("name", "string", "Vor- und Nachname des Anrufers.", true), Mitarbeiter,
             new("email", "string", "E-Mail-Adresse für die Bestätigung, nur wenn der Anrufer sie nennt.")]),
        new("get_customer_appointments", "Nennt die kommenden Termine des Anrufers (erkannt an seiner Rufnummer).", []),
        new("cancel_appointment", "Sagt einen Termin des Anrufers ab.", [TerminId, new("grund", "string", "Der Grund, wenn der Anrufer einen nennt.")]),
        new("reschedule_appointment", "Verschiebt einen Termin des Anrufers.", [TerminId, Datum("neues_datum"), Uhrzeit("neue_uhrzeit")]),
        new("request_callback", "Notiert einen Rückrufwunsch für das Team, wenn du nicht weiterhelfen kannst.",
            [new("name", "string", "Name des Anrufers.", true), new("grund", "string", "Worum es geht.", true), new("telefon", "string", "Rückrufnummer, falls nicht die Anrufernummer.")]),
        new("join_waitlist", "Setzt den Anrufer auf die Warteliste, wenn kein angebotener Termin passt. Wird etwas frei, bekommt er eine Nachricht mit Buchungslink.",
            [Dienstleistung, new("datum", "string", "Ab wann oder welcher Zeitraum, wie der Anrufer es sagt (z. B. \"nächste Woche\", \"ab Montag\").", true),
             new("bis_datum", "string", "Bis wann, nur wenn genannt (z. B. \"bis 24.12.\")."), Mitarbeiter,
             new("name", "string", "Vor- und Nachname, wenn der Anrufer nicht bekannt ist."),
             new("telefon", "string", "Handynummer für die Nachricht, falls nicht die Anrufernummer."), new("email", "string", "E-Mail-Adresse, nur wenn genannt.")]),
    ];
}
