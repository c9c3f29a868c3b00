using System.Globalization;
using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Telephony;
using AskPro.Infrastructure.Webhooks;
using AskPro.Web.Telephony;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Webhooks;

public static class RetellWebhookEndpoints
{
    /// <summary>An hour-long call with word timings is well over 1 MB.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRetellWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/retell", ReceiveAsync).WithTags("Retell").ExcludeFromDescription().RequireRateLimiting(WebhookRateLimits.Policy);
        return app;
    }

    /// <summary>Raw body → signature → inbox row → 204 (only after the row is durable).
    /// call_inbound is answered at once with the agent's date context.</summary>
    private static async Task<IResult> ReceiveAsync(HttpRequest request,
        IOptions<RetellOptions> retell, TimeProvider clock, ILoggerFactory logs, AskProMetrics metrics, IDeliveryDeduplicator dedup, InboxWriter inbox, CancellationToken ct)
    {
        var logger = logs.CreateLogger("AskPro.Webhooks.Retell");
        var body = await RawBody.ReadAsync(request, MaxBodyBytes, ct);
        if (body is null)
        {
            metrics.Received(RetellCallEvents.Provider, "unknown", "too_large");
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (!RetellSignature.Verify(body, request.Headers[RetellSignature.Header], retell.Value.ApiKey, clock.GetUtcNow(), TimeSpan.FromSeconds(retell.Value.MaxSignatureAgeSeconds)))
        {
            logger.LogWarning("Retell webhook with a missing or bad signature refused");
            metrics.Received(RetellCallEvents.Provider, "unknown", "bad_signature");
            return TypedResults.Unauthorized();
        }

        if (!RetellEnvelope.TryRead(body, out var eventType, out var callId))
        {
            metrics.Received(RetellCallEvents.Provider, "unknown", "invalid");
            return TypedResults.Problem("The body is not a Retell event.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Event names become metric labels: only Retell's own names, anything else is "other".
        var label = eventType is "call_started" or "call_ended" or "call_analyzed" or "call_inbound" or "transcript_updated" ? eventType : "other";
        if (eventType == "call_inbound")
        {
            metrics.Received(RetellCallEvents.Provider, label, "answered");
            var services = request.HttpContext.RequestServices;
            using var document = JsonDocument.Parse(body);
            var (answer, company) = await InboundAsync(document.RootElement, services.GetRequiredService<CalledNumber>(), services.GetRequiredService<ITenantDirectory>(),
                services.GetRequiredService<AskProDbContext>(), clock, ct);
            if (company is { } answered) await RecordInboundAsync(inbox, body, answered, request.HttpContext.TraceIdentifier, clock, logger, ct);
            return answer;
        }
        if (string.IsNullOrEmpty(callId) || callId.Length > 128 || eventType.Length > 64)
        {
            metrics.Received(RetellCallEvents.Provider, label, "invalid");
            return TypedResults.Problem("The event has no call.call_id.", statusCode: StatusCodes.Status400BadRequest);
        }

        var eventKey = $"{callId}:{eventType}";
        if (!await dedup.MaybeNewAsync(RetellCallEvents.Provider, eventKey, ct))
        {
            metrics.Received(RetellCallEvents.Provider, label, "duplicate");
            return TypedResults.NoContent();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        bool stored;
        try
        {
            stored = await inbox.WriteAsync(new InboxItem
            {
                Provider = RetellCallEvents.Provider, EventKey = eventKey, EventType = eventType,
                Payload = System.Text.Encoding.UTF8.GetString(body), ReceivedAt = now, NextAttemptAt = now,
                CorrelationId = request.HttpContext.TraceIdentifier,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not durable, so not acknowledged: Retell retries on anything but 2xx.
            logger.LogError(ex, "Retell event could not be stored");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        // Seen before (stored == false): acknowledged again, stored once, applied once.
        if (stored) await dedup.StoredAsync(RetellCallEvents.Provider, eventKey, ct);
        metrics.Received(RetellCallEvents.Provider, label, stored ? "stored" : "duplicate");
        return TypedResults.NoContent();
    }

    /// <summary>The answered call_inbound goes into the inbox too (its worker applies nothing
    /// for it), so every event Retell sent is on record. The call must go on regardless: a
    /// failed record is logged, not turned into an error for Retell.</summary>
    private static async Task RecordInboundAsync(InboxWriter inbox, byte[] body, Guid company, string correlationId, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await inbox.WriteAsync(new InboxItem
            {
                // No call id exists yet: a redelivery of the same body is the same event.
                Provider = RetellCallEvents.Provider, EventKey = "inbound:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)),
                EventType = "call_inbound", Payload = System.Text.Encoding.UTF8.GetString(body), ReceivedAt = now, NextAttemptAt = now,
                CorrelationId = correlationId, CompanyId = company,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "call_inbound answered but not recorded");
        }
    }

    /// <summary>Retell asks who is being called: the date context and whether the caller is a
    /// known customer, for the agent's dynamic variables. Unknown number: 404, never a default.</summary>
    private static async Task<(IResult Answer, Guid? Company)> InboundAsync(JsonElement root, CalledNumber calledNumber, ITenantDirectory directory,
        AskProDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!root.TryGetProperty("call_inbound", out var inbound) || inbound.ValueKind != JsonValueKind.Object)
            return (TypedResults.Problem("call_inbound is missing.", statusCode: StatusCodes.Status400BadRequest), null);
        var to = inbound.TryGetProperty("to_number", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (to is null || !E164Number.TryParse(to, "DE", out var toNumber)) return (TypedResults.Problem("Unknown number.", statusCode: StatusCodes.Status404NotFound), null);

        if (await calledNumber.EnterTenantAsync(toNumber, "retell inbound: resolve number", ct) is not { } number)
            return (TypedResults.Problem("No company has this number.", statusCode: StatusCodes.Status404NotFound), null);

        var snapshot = await directory.GetAsync(ct);
        var (company, branch) = (snapshot.Company, snapshot.Branch(number.BranchId)!);
        var from = inbound.TryGetProperty("from_number", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        string? firstName = null;
        if (RetellCallerId.Read(from, company.CountryCode) is CallerId.Known known)
        {
            var phone = E164Number.FromStorage(known.Number.E164);
            firstName = (await db.Customers.AsNoTracking().Where(c => c.Phone == phone).Select(c => c.Name).FirstOrDefaultAsync(ct))?.Split(' ')[0];
        }

        var local = BranchClock.ToLocal(clock.GetUtcNow().UtcDateTime, branch.TimeZoneId);
        var german = CultureInfo.GetCultureInfo("de-DE");
        var variables = new Dictionary<string, string>
        {
            ["heute"] = local.ToString("dddd, d. MMMM yyyy", german),
            ["datum"] = local.ToString("yyyy-MM-dd"),
            ["wochentag"] = local.ToString("dddd", german),
            ["uhrzeit"] = local.ToString("HH:mm"),
            ["firma"] = company.Name,
            ["filiale"] = branch.Name,
            ["bekannter_kunde"] = firstName is null ? "nein" : "ja",
            ["vorname"] = firstName ?? "",
        };
        return (TypedResults.Json(new Dictionary<string, object> { ["call_inbound"] = new Dictionary<string, object> { ["dynamic_variables"] = variables } }), number.CompanyId);
    }
}
