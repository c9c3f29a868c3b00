using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Core.Onboarding;
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
        app.MapPost("/api/webhooks/retell", ReceiveAsync).WithTags("Retell").ExcludeFromDescription()
            .WithMetadata(new SignedEndpoint(MaxBodyBytes, RetellCallEvents.Provider))
            .AddEndpointFilter<RetellSignatureFilter>()
            .RequireRateLimiting(WebhookRateLimits.Policy);
        return app;
    }

    /// <summary>Verified by <see cref="RetellSignatureFilter"/>; then inbox row → 204 (only after the
    /// row is durable; 503 when it cannot be). call_inbound is answered at once with the agent's date context.</summary>
    private static async Task<IResult> ReceiveAsync(SignedBody signed, HttpContext http, WebhookIntake intake, TimeProvider clock, AskProMetrics metrics, CancellationToken ct)
    {
        var body = signed.Bytes;
        if (!RetellEnvelope.TryRead(body, out var eventType, out var callId))
        {
            metrics.Received(RetellCallEvents.Provider, "unknown", "invalid");
            return TypedResults.Problem("The body is not a Retell event.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Event names become metric labels: only Retell's own names, anything else is "other".
        var label = eventType is "call_started" or "call_ended" or "call_analyzed" or "call_inbound" or "transcript_updated" ? eventType : "other";
        if (eventType == "call_inbound")
        {
            var services = http.RequestServices;
            using var document = JsonDocument.Parse(body);
            var (answer, company) = await InboundAsync(document.RootElement, services.GetRequiredService<CalledNumber>(), services.GetRequiredService<ITenantDirectory>(),
                services.GetRequiredService<AskProDbContext>(), clock, ct);
            if (company is null) metrics.Received(RetellCallEvents.Provider, label, "answered");
            // On record too (its worker applies nothing for it), so every event Retell sent is
            // kept; no call id exists yet, so a redelivery of the same body is the same event.
            // The call must go on regardless: a failed record is logged by the intake, not
            // turned into an error for Retell.
            else await intake.AcceptAsync(new WebhookDelivery(RetellCallEvents.Provider, eventType, "inbound:" + Convert.ToHexStringLower(SHA256.HashData(body)), body)
            {
                MetricLabel = label, CompanyId = company, CorrelationId = http.TraceIdentifier,
            }, ct);
            return answer;
        }
        if (string.IsNullOrEmpty(callId) || callId.Length > 128 || eventType.Length > 64)
        {
            metrics.Received(RetellCallEvents.Provider, label, "invalid");
            return TypedResults.Problem("The event has no call.call_id.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await intake.AcceptAsync(new WebhookDelivery(RetellCallEvents.Provider, eventType, $"{callId}:{eventType}", body)
        {
            MetricLabel = label, CorrelationId = http.TraceIdentifier,
        }, ct);
        // Retell retries on anything but 2xx.
        return outcome == IntakeOutcome.Unavailable ? RetryLater.Answer(http) : TypedResults.NoContent();
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
        // call_inbound comes only for phone calls, never for test calls: a company that is not
        // live gets its name and the sentence, which the prompt tells the agent to say and hang up.
        if (!CompanyLifecycle.Answers(company.Status, isTestCall: false))
            return (Inbound(new Dictionary<string, string>
            {
                ["freigeschaltet"] = "nein", ["hinweis"] = CompanyLifecycle.NotLiveSentence, ["firma"] = company.Name, ["filiale"] = branch.Name,
            }), number.CompanyId);
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
            ["freigeschaltet"] = "ja",
        };
        return (Inbound(variables), number.CompanyId);
    }

    private static IResult Inbound(Dictionary<string, string> variables) =>
        TypedResults.Json(new Dictionary<string, object> { ["call_inbound"] = new Dictionary<string, object> { ["dynamic_variables"] = variables } });
}
