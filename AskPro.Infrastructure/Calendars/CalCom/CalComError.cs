using System.Net;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Every way a Cal.com call can fail, as Cal.com documents it (CONTRACTS.md) plus what
/// the network and our own resilience pipeline add.</summary>
public enum CalComFailure
{
    /// <summary>401/403: the company's API key is wrong, revoked or lacks the permission.</summary>
    Unauthorized,
    /// <summary>404: unknown booking uid or event type.</summary>
    NotFound,
    /// <summary>429 from Cal.com, or our own per-company limiter refused to send.</summary>
    RateLimited,
    /// <summary>400: the start is inside the event type's minimum booking notice.</summary>
    MinimumNotice,
    /// <summary>400: the start is outside the event type's booking window.</summary>
    SchedulingWindow,
    /// <summary>400: a required booking field is missing.</summary>
    MissingField,
    /// <summary>400: no host is free at that time any more.</summary>
    SlotTaken,
    /// <summary>Any other 400/409/422.</summary>
    BadRequest,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>No answer within the per-attempt or overall timeout.</summary>
    Timeout,
    /// <summary>The connection broke (reset, ended) after the request may have left.</summary>
    Network,
    /// <summary>No connection at all (refused, host unknown): nothing reached Cal.com, so
    /// nothing was done there, and a booking can be released at once.</summary>
    Unreachable,
    /// <summary>The company's circuit is open after repeated failures: nothing was sent.</summary>
    CircuitOpen,
    /// <summary>The body is not what Cal.com documents.</summary>
    InvalidResponse,
    /// <summary>Cal.com answered a booking request with a booking that is not ours (metadata mismatch).</summary>
    WrongBooking,
}

/// <summary>A failed Cal.com call: the kind, what Cal.com said (for staff, never personal data),
/// a German sentence for staff and one for the voice agent to read out.</summary>
public sealed record CalComError(CalComFailure Failure, HttpStatusCode? Status = null, string? Code = null, string? Detail = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The request may have been carried out (a write without an answer): only a look-up can tell.</summary>
    public bool OutcomeUnknown => Failure is CalComFailure.Timeout or CalComFailure.Network or CalComFailure.ServerError or CalComFailure.InvalidResponse;

    /// <summary>Cal.com is not usable right now (as opposed to refusing this one request).</summary>
    public bool Unavailable => Failure is CalComFailure.Timeout or CalComFailure.Network or CalComFailure.Unreachable or CalComFailure.ServerError or CalComFailure.CircuitOpen
        or CalComFailure.RateLimited or CalComFailure.Unauthorized or CalComFailure.InvalidResponse;

    private const string AgentUnavailable = "Unser Kalender ist gerade nicht erreichbar. Soll ich Ihnen einen Rückruf notieren, damit wir den Termin gleich für Sie eintragen?";

    public string StaffMessage => Failure switch
    {
        CalComFailure.Unauthorized => "Authentifizierungsfehler beim Kalender: Cal.com hat den API-Schlüssel abgelehnt. Bitte prüfen Sie ihn unter Einstellungen → Integrationen.",
        CalComFailure.NotFound => "Cal.com kennt diesen Eintrag nicht (Buchung oder Ereignistyp). Bitte prüfen Sie die Zuordnung der Ereignistypen.",
        CalComFailure.RateLimited => "Zu viele Anfragen an Cal.com. AskPro wartet und versucht es erneut.",
        CalComFailure.MinimumNotice => "Cal.com lehnt den Termin ab: Der Mindestvorlauf des Ereignistyps ist unterschritten.",
        CalComFailure.SchedulingWindow => "Cal.com lehnt den Termin ab: Er liegt außerhalb des Buchungszeitraums des Ereignistyps.",
        CalComFailure.MissingField => "Cal.com verlangt ein Buchungsfeld, das AskPro nicht mitschickt. Bitte machen Sie es im Ereignistyp optional.",
        CalComFailure.SlotTaken => "Cal.com meldet diesen Zeitpunkt als belegt.",
        CalComFailure.BadRequest => "Cal.com hat die Anfrage abgelehnt.",
        CalComFailure.ServerError => "Kalender momentan nicht erreichbar: Cal.com meldet einen Serverfehler.",
        CalComFailure.Timeout => "Kalender momentan nicht erreichbar: Cal.com hat nicht rechtzeitig geantwortet.",
        CalComFailure.Network => "Kalender momentan nicht erreichbar: Die Verbindung zu Cal.com ist abgebrochen.",
        CalComFailure.Unreachable => "Kalender momentan nicht erreichbar: keine Verbindung zu Cal.com.",
        CalComFailure.CircuitOpen => "Kalender momentan nicht erreichbar: Nach mehreren Fehlern pausiert AskPro die Anfragen an Cal.com kurz.",
        CalComFailure.InvalidResponse => "Cal.com hat eine unerwartete Antwort geschickt.",
        CalComFailure.WrongBooking => "Cal.com hat eine fremde Buchung zurückgegeben; AskPro hat sie abgewiesen.",
        _ => "Unbekannter Fehler bei Cal.com.",
    };

    public string AgentMessage => Failure switch
    {
        CalComFailure.MinimumNotice => "So kurzfristig kann ich diesen Termin leider nicht buchen.",
        CalComFailure.SchedulingWindow => "So weit im Voraus kann ich diesen Termin leider noch nicht buchen.",
        CalComFailure.SlotTaken => "Dieser Termin ist leider gerade vergeben worden.",
        CalComFailure.NotFound => "Diesen Termin finde ich im Kalender leider nicht.",
        CalComFailure.MissingField or CalComFailure.BadRequest or CalComFailure.WrongBooking =>
            "Das hat leider nicht geklappt. Ich notiere Ihren Wunsch, und wir rufen Sie zurück.",
        _ => AgentUnavailable,
    };

    /// <summary>Reads a non-success answer: the status, and Cal.com's error envelope
    /// (<c>{"status":"error","error":{"code","message"}}</c> or <c>{"code","message"}</c>).</summary>
    public static CalComError FromResponse(HttpStatusCode status, string? code, string? message, TimeSpan? retryAfter)
    {
        var text = (message ?? "").ToLowerInvariant();
        var failure = (int)status switch
        {
            401 or 403 => CalComFailure.Unauthorized,
            404 => CalComFailure.NotFound,
            429 => CalComFailure.RateLimited,
            408 => CalComFailure.Timeout,
            >= 500 => CalComFailure.ServerError,
            _ when text.Contains("minimum booking notice") || text.Contains("too soon") => CalComFailure.MinimumNotice,
            _ when text.Contains("booking window") || text.Contains("outside") && text.Contains("bookable") || text.Contains("too far in the future") => CalComFailure.SchedulingWindow,
            _ when text.Contains("already has booking") || text.Contains("not available") || text.Contains("no available users") || text.Contains("already reserved") => CalComFailure.SlotTaken,
            _ when text.Contains("missing required") || text.Contains("required booking field") || text.Contains("responses") && text.Contains("required") => CalComFailure.MissingField,
            _ => CalComFailure.BadRequest,
        };
        return new CalComError(failure, status, code, Trim(message), retryAfter);
    }

    private static string? Trim(string? message) => message is { Length: > 300 } ? message[..300] : message;
}

/// <summary>A Cal.com answer: the value, or why there is none. Provider failures are outcomes,
/// not exceptions, so every caller decides what the failure means for it.</summary>
public readonly record struct CalComResult<T>(T? Value, CalComError? Error)
{
    public bool Ok => Error is null;

    public static implicit operator CalComResult<T>(T value) => new(value, null);
    public static implicit operator CalComResult<T>(CalComError error) => new(default, error);
}
