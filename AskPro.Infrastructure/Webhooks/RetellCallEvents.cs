using System.Text.Json;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Applies Retell's call_started / call_ended / call_analyzed to exactly one Call per
/// call_id. Idempotent, and order-proof: a fact is only ever added or moved forward, never
/// replaced by an older or emptier one (call_analyzed may arrive before call_ended).</summary>
public sealed class RetellCallEvents(AskProDbContext db, Telephony.CalledNumber calledNumber, Telephony.CallRecords calls, Events.Outbox outbox, TimeProvider clock)
{
    public const string Provider = "retell";

    public async Task ApplyAsync(InboxItem item, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(item.Payload);
        var call = JsonFields.Object(document.RootElement, "call") ?? throw new DeadLetterException("The event has no call.");
        var callId = Text(call, "call_id") ?? throw new DeadLetterException("The event has no call_id.");
        var to = Text(call, "to_number");
        if (to is null || !E164Number.TryParse(to, "DE", out var toNumber)) throw new DeadLetterException("The event has no valid to_number.");

        var number = await calledNumber.EnterTenantAsync(toNumber, "retell webhook: resolve number", ct)
            ?? throw new DeadLetterException("No company has this number (to_number).");
        item.CompanyId = number.CompanyId;

        var country = await db.Companies.Select(c => c.CountryCode).FirstAsync(ct);

        // Events of one call may be applied by two workers at once: the loser of the row's
        // concurrency token (or of the unique call id) reloads and applies its facts again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertAsync(callId, toNumber, number.BranchId, country, call, item.EventType, ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 5 && (ex is DbUpdateConcurrencyException || DatabaseMigrator.IsUniqueViolation(ex)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task UpsertAsync(string callId, E164Number toNumber, Guid branchId, string country, JsonElement call, string eventType, CancellationToken ct)
    {
        var caller = RetellCallerId.Read(Text(call, "from_number"), country);
        var (row, _) = await calls.FindOrStartAsync(callId, branchId, toNumber, caller, Text(call, "agent_id"), CallStatus.Registered, ct);
        if (caller is CallerId.Known known && row.FromNumber is null)
        {
            row.FromNumber = E164Number.FromStorage(known.Number.E164);
            row.CustomerId ??= await db.Customers.Where(c => c.Phone == row.FromNumber).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        }
        row.AgentId ??= Text(call, "agent_id");
        var wasOver = Rank(row.Status) == 2;
        Apply(row, call, eventType);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!wasOver && Rank(row.Status) == 2)
            outbox.Add(db, new Core.Events.CallCompleted(row.Id, row.CustomerId, row.AppointmentId) { OccurredAtUtc = row.UpdatedAt, Actor = "retell" });
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(Call row, JsonElement call, string eventType)
    {
        if (JsonFields.UnixMilliseconds(call, "start_timestamp") is { } started) row.StartedAt ??= started;
        if (JsonFields.UnixMilliseconds(call, "end_timestamp") is { } ended) row.EndedAt ??= ended;
        // At most a day: anything longer is not a phone call.
        if (JsonFields.Integer(call, "duration_ms", 0, 86_400_000) is { } ms) row.DurationSeconds ??= (int)(ms / 1000);
        row.DisconnectionReason ??= Text(call, "disconnection_reason");
        if (JsonFields.Text(call, "transcript", 1_000_000) is { Length: > 0 } transcript && transcript.Length >= (row.Transcript?.Length ?? 0)) row.Transcript = transcript;
        row.RecordingUrl ??= WebAddress(JsonFields.Text(call, "recording_url", 2000));

        // combined_cost is in cents; a million dollars is not a phone call either.
        if (JsonFields.Object(call, "call_cost") is { } cost && JsonFields.Number(cost, "combined_cost", 0, 100_000_000) is { } cents)
            row.CostCents ??= (long)Math.Round(cents);

        if (JsonFields.Object(call, "call_analysis") is { } analysis)
        {
            row.Summary ??= JsonFields.Text(analysis, "call_summary", 8000);
            row.Sentiment ??= Text(analysis, "user_sentiment");
            if (JsonFields.Boolean(analysis, "call_successful") is { } successful) row.Successful ??= successful;
        }

        // Status only moves forward: registered → ongoing → ended/error.
        var reported = (Text(call, "call_status"), eventType) switch
        {
            ("error", _) => CallStatus.Error,
            ("ended", _) or (_, "call_ended" or "call_analyzed") => CallStatus.Ended,
            ("ongoing", _) or (_, "call_started") => CallStatus.Ongoing,
            _ => CallStatus.Registered,
        };
        if (Rank(reported) > Rank(row.Status)) row.Status = reported;
    }

    private static int Rank(CallStatus status) => status switch
    {
        CallStatus.Registered => 0,
        CallStatus.Ongoing => 1,
        _ => 2,
    };

    /// <summary>Shown to staff as a link: only absolute http(s) addresses, never "javascript:".</summary>
    private static string? WebAddress(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.AbsoluteUri : null;

    private static string? Text(JsonElement element, string property) => JsonFields.Text(element, property);
}
