using System.Text.Json;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Webhooks;

namespace AskPro.Web.Webhooks;

public static class CalComWebhookEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly HashSet<string> Events =
        ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REQUESTED", "BOOKING_REJECTED", "MEETING_ENDED", "PING"];

    public static IEndpointRouteBuilder MapCalComWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/calcom/{tenantKey}", ReceiveAsync).WithTags("Cal.com").ExcludeFromDescription()
            .WithMetadata(new SignedEndpoint(MaxBodyBytes, CalComBookingEvents.Provider))
            .AddEndpointFilter<CalComSignatureFilter>()
            .RequireRateLimiting(WebhookRateLimits.Policy);
        return app;
    }

    /// <summary>Verified by <see cref="CalComSignatureFilter"/>; not a Cal.com booking event → 400,
    /// nothing stored; otherwise the event is in the inbox before the 200 (503 when it cannot be).</summary>
    private static async Task<IResult> ReceiveAsync(SignedBody body, HttpContext http, WebhookIntake intake, AskProMetrics metrics, CancellationToken ct)
    {
        string trigger, key;
        try
        {
            using var document = JsonDocument.Parse(body.Bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            trigger = root.GetProperty("triggerEvent").GetString() ?? "";
            if (trigger == "PING")
            {
                metrics.Received(CalComBookingEvents.Provider, "unknown", "ping");
                return TypedResults.Ok();
            }
            var uid = root.GetProperty("payload").GetProperty("uid").GetString();
            var createdAt = root.TryGetProperty("createdAt", out var c) ? c.GetString() : "";
            if (string.IsNullOrEmpty(uid) || uid.Length > 128 || !Events.Contains(trigger)) throw new JsonException();
            key = $"{trigger}:{uid}:{createdAt}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            metrics.Received(CalComBookingEvents.Provider, "unknown", "invalid");
            return TypedResults.Problem("The body is not a Cal.com booking event.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await intake.AcceptAsync(new WebhookDelivery(CalComBookingEvents.Provider, trigger, key, body.Bytes)
        {
            CompanyId = body.SignerCompanyId, CorrelationId = http.TraceIdentifier,
        }, ct);
        // Cal.com retries on anything but 2xx.
        return outcome == IntakeOutcome.Unavailable ? RetryLater.Answer(http) : TypedResults.Ok();
    }
}
