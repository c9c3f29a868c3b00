using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using AskPro.Infrastructure.Webhooks;
using AskPro.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Webhooks;

public static class CalComWebhookEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string SignatureHeader = "X-Cal-Signature-256";

    private static readonly HashSet<string> Events =
        ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REQUESTED", "BOOKING_REJECTED", "MEETING_ENDED", "PING"];

    public static IEndpointRouteBuilder MapCalComWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/calcom/{tenantKey}", ReceiveAsync).WithTags("Cal.com").ExcludeFromDescription().RequireRateLimiting(WebhookRateLimits.Policy);
        return app;
    }

    /// <summary>Unknown tenant → 404; bad signature (the tenant's own secret) → 401; invalid JSON
    /// → 400; none stores anything. Otherwise the event is in the inbox before the 200.</summary>
    private static async Task<IResult> ReceiveAsync(string tenantKey, HttpRequest request, AskProDbContext db, TenantContext tenant,
        SecretProtector secrets, TimeProvider clock, AskProMetrics metrics, IDeliveryDeduplicator dedup, InboxWriter inbox, ILoggerFactory logs, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(request, MaxBodyBytes, ct);
        if (body is null) return Outcome(metrics, "too_large", TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        if (tenantKey.Length > 64) return Outcome(metrics, "unknown_tenant", TypedResults.NotFound());

        tenant.EnterPlatformScope("cal.com webhook: resolve tenant key");
        var company = await db.Companies.AsNoTracking().Where(c => c.TenantKey == tenantKey)
            .Select(c => new { c.Id, c.CalComWebhookSecretProtected }).FirstOrDefaultAsync(ct);
        if (company?.CalComWebhookSecretProtected is null) return Outcome(metrics, "unknown_tenant", TypedResults.NotFound());

        if (!Verify(body, request.Headers[SignatureHeader], secrets.Unprotect(company.CalComWebhookSecretProtected)))
        {
            logs.CreateLogger("AskPro.Webhooks.CalCom").LogWarning("Cal.com webhook with a bad signature for company {CompanyId} refused", company.Id);
            return Outcome(metrics, "bad_signature", TypedResults.Unauthorized());
        }

        string trigger, key;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            trigger = root.GetProperty("triggerEvent").GetString() ?? "";
            if (trigger == "PING") return Outcome(metrics, "ping", TypedResults.Ok());
            var uid = root.GetProperty("payload").GetProperty("uid").GetString();
            var createdAt = root.TryGetProperty("createdAt", out var c) ? c.GetString() : "";
            if (string.IsNullOrEmpty(uid) || uid.Length > 128 || !Events.Contains(trigger)) throw new JsonException();
            key = $"{trigger}:{uid}:{createdAt}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Outcome(metrics, "invalid", TypedResults.Problem("The body is not a Cal.com booking event.", statusCode: StatusCodes.Status400BadRequest));
        }

        if (key.Length > 300) key = key[..300];
        if (!await dedup.MaybeNewAsync(CalComBookingEvents.Provider, key, ct))
        {
            metrics.Received(CalComBookingEvents.Provider, trigger, "duplicate");
            return TypedResults.Ok();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        bool stored;
        try
        {
            stored = await inbox.WriteAsync(new InboxItem
            {
                Provider = CalComBookingEvents.Provider, EventKey = key, EventType = trigger,
                Payload = Encoding.UTF8.GetString(body), ReceivedAt = now, NextAttemptAt = now, CompanyId = company.Id,
                CorrelationId = request.HttpContext.TraceIdentifier,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not durable, so not acknowledged: Cal.com retries on anything but 2xx.
            logs.CreateLogger("AskPro.Webhooks.CalCom").LogError(ex, "Cal.com event could not be stored");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (stored) await dedup.StoredAsync(CalComBookingEvents.Provider, key, ct);
        metrics.Received(CalComBookingEvents.Provider, trigger, stored ? "stored" : "duplicate");
        return TypedResults.Ok();
    }

    /// <summary>X-Cal-Signature-256 = hex HMAC-SHA256(raw body, the tenant's secret), compared in constant time.</summary>
    public static bool Verify(byte[] body, string? header, string secret)
    {
        if (string.IsNullOrEmpty(header) || header.Length != 64) return false;
        byte[] given;
        try { given = Convert.FromHexString(header); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    private static IResult Outcome(AskProMetrics metrics, string outcome, IResult result)
    {
        metrics.Received(CalComBookingEvents.Provider, "unknown", outcome);
        return result;
    }
}
