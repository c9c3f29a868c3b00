using System.Text.Json;

namespace AskPro.Web.Telephony;

/// <summary>A test call as the owner plays it: a scenario (book, move, cancel, "my
/// appointments"), the caller's words in plain German, and the agent's answers — each answer
/// comes from the same signed function call Retell would send (through <see cref="CallSimulator"/>).
/// The dialogue around the calls is scripted (the real agent's language model asks the same
/// questions); what is understood and booked is the installation's own.</summary>
public sealed class TestConversation(CallSimulator simulator, Uri appBase, string toNumber, string? fromNumber)
{
    public enum Scenario { Book, Move, Cancel, MyAppointments }

    public sealed record Turn(bool FromCaller, string Text, CallSimulator.Answer? Call = null, string? Function = null);

    private enum Waiting { Nothing, ServiceAndStaff, When, Name, WhichAppointment, NewWhen }

    private readonly List<Turn> _turns = [];
    private readonly string _callId = "sim_" + Guid.NewGuid().ToString("N")[..16];
    private Waiting _waiting;
    private Scenario _scenario;
    private string? _service, _staff, _when, _which;

    public IReadOnlyList<Turn> Turns => _turns;
    public bool ExpectsWords => _waiting != Waiting.Nothing;

    /// <summary>The appointment the call booked or moved, once it did.</summary>
    public string? AppointmentId { get; private set; }

    public async Task StartAsync(Scenario scenario, CancellationToken ct)
    {
        _scenario = scenario;
        var greeting = await CallAsync("initialize_call", [], ct);
        Say(greeting.Message ?? "Guten Tag!", greeting, "initialize_call");
        switch (scenario)
        {
            case Scenario.Book:
                Ask("Welche Dienstleistung möchten Sie buchen, und bei wem?", Waiting.ServiceAndStaff);
                break;
            case Scenario.MyAppointments:
                await ListAsync(ct);
                break;
            default:
                if (!await ListAsync(ct)) return;
                Ask(scenario == Scenario.Move ? "Welchen Termin möchten Sie verschieben?" : "Welchen Termin möchten Sie absagen?", Waiting.WhichAppointment);
                break;
        }
    }

    public async Task HearAsync(string words, CancellationToken ct)
    {
        words = words.Trim();
        if (words.Length == 0 || _waiting == Waiting.Nothing) return;
        _turns.Add(new Turn(true, words));
        switch (_waiting)
        {
            case Waiting.ServiceAndStaff:
                (_service, _staff) = ServiceAndStaff(words);
                Ask("Wann möchten Sie kommen?", Waiting.When);
                break;
            case Waiting.When:
                _when = words;
                var check = await CallAsync("check_availability", Args(("dienstleistung", _service), ("mitarbeiter", _staff), ("datum", _when)), ct);
                Say(check.Message ?? "", check, "check_availability");
                _waiting = Status(check) == "available" ? Waiting.Name : Waiting.When;
                if (_waiting == Waiting.Name) Ask("Auf welchen Namen darf ich den Termin buchen?", Waiting.Name);
                break;
            case Waiting.Name:
                var book = await CallAsync("book_appointment", Args(("dienstleistung", _service), ("mitarbeiter", _staff), ("datum", _when), ("name", words)), ct);
                Say(book.Message ?? "", book, "book_appointment");
                AppointmentId = Data(book, "appointment_id") ?? AppointmentId;
                _waiting = Status(book) switch { "booked" => Waiting.Nothing, "slot_taken" or "outside_hours" or "too_soon" or "too_far" => Waiting.When, _ => Waiting.Name };
                break;
            case Waiting.WhichAppointment when _scenario == Scenario.Cancel:
                var cancel = await CallAsync("cancel_appointment", Args(("datum", words)), ct);
                Say(cancel.Message ?? "", cancel, "cancel_appointment");
                _waiting = Status(cancel) == "not_found" ? Waiting.WhichAppointment : Waiting.Nothing;
                break;
            case Waiting.WhichAppointment:
                _which = words;
                Ask("Auf wann möchten Sie ihn verschieben?", Waiting.NewWhen);
                break;
            case Waiting.NewWhen:
                var move = await CallAsync("reschedule_appointment", Args(("datum", _which), ("neues_datum", words)), ct);
                Say(move.Message ?? "", move, "reschedule_appointment");
                AppointmentId = Data(move, "appointment_id") ?? AppointmentId;
                _waiting = Status(move) switch { "rescheduled" or "too_late" or "anonymous" => Waiting.Nothing, "not_found" => Waiting.WhichAppointment, _ => Waiting.NewWhen };
                break;
        }
    }

    /// <summary>"Herrenhaarschnitt bei Anna", "einen Damenhaarschnitt": the service, and whom.</summary>
    public static (string Service, string? Staff) ServiceAndStaff(string words)
    {
        var at = words.IndexOf(" bei ", StringComparison.OrdinalIgnoreCase);
        var service = (at < 0 ? words : words[..at]).Trim();
        foreach (var article in new[] { "einen ", "eine ", "ein ", "den ", "die ", "das ", "gern ", "gerne " })
            if (service.StartsWith(article, StringComparison.OrdinalIgnoreCase)) service = service[article.Length..].Trim();
        var staff = at < 0 ? null : words[(at + 5)..].Trim().TrimEnd('.', '!', '?');
        return (service, string.IsNullOrWhiteSpace(staff) ? null : staff);
    }

    private async Task<bool> ListAsync(CancellationToken ct)
    {
        var list = await CallAsync("get_customer_appointments", [], ct);
        Say(list.Message ?? "", list, "get_customer_appointments");
        return Status(list) == "ok";
    }

    private Task<CallSimulator.Answer> CallAsync(string function, Dictionary<string, string> args, CancellationToken ct) =>
        simulator.SendAsync(appBase, function, args, _callId, toNumber, fromNumber, ct);

    private void Say(string text, CallSimulator.Answer call, string function) => _turns.Add(new Turn(false, text, call, function));

    private void Ask(string question, Waiting next)
    {
        _turns.Add(new Turn(false, question));
        _waiting = next;
    }

    private static Dictionary<string, string> Args(params (string Name, string? Value)[] args) =>
        args.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Name, a => a.Value!);

    private static string? Status(CallSimulator.Answer answer) => Field(answer, root => root.TryGetProperty("status", out var s) ? s.GetString() : null);

    private static string? Data(CallSimulator.Answer answer, string name) =>
        Field(answer, root => root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) ? v.GetString() : null);

    private static string? Field(CallSimulator.Answer answer, Func<JsonElement, string?> read)
    {
        try
        {
            using var json = JsonDocument.Parse(answer.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object ? read(json.RootElement) : null;
        }
        catch (JsonException)
        {
            return null; // not JSON (a 401): no status, the dialogue shows the answer as it is
        }
    }
}
