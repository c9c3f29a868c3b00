using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Observability;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>A verified delivery, read just far enough to be keyed: (provider, event key) is
/// what makes a redelivery the same event.</summary>
public sealed record WebhookDelivery(string Provider, string EventType, string EventKey, byte[] Body)
{
    /// <summary>The event as a metric label: only the provider's own names, never free text.</summary>
    public string MetricLabel { get; init; } = EventType;
    public Guid? CompanyId { get; init; }
    public string? CorrelationId { get; init; }
}

public enum IntakeOutcome { Stored, Duplicate, Unavailable }

/// <summary>How every provider's delivery enters the inbox: the fast duplicate check, then the
/// group-committed write (<see cref="InboxWriter"/>), then the metric. <see cref="IntakeOutcome.Unavailable"/>
/// means not durable, so not acknowledged: the endpoint answers 503 and the provider retries.</summary>
public sealed class WebhookIntake(IDeliveryDeduplicator dedup, InboxWriter inbox, TimeProvider clock, AskProMetrics metrics, ILogger<WebhookIntake> logger)
{
    /// <summary>The inbox's EventKey column.</summary>
    public const int MaxEventKeyLength = 300;

    public async Task<IntakeOutcome> AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var key = delivery.EventKey.Length > MaxEventKeyLength ? delivery.EventKey[..MaxEventKeyLength] : delivery.EventKey;
        if (!await dedup.MaybeNewAsync(delivery.Provider, key, ct)) return Count(delivery, IntakeOutcome.Duplicate);

        var now = clock.GetUtcNow().UtcDateTime;
        bool stored;
        try
        {
            stored = await inbox.WriteAsync(new InboxItem
            {
                Provider = delivery.Provider, EventKey = key, EventType = delivery.EventType,
                Payload = System.Text.Encoding.UTF8.GetString(delivery.Body), ReceivedAt = now, NextAttemptAt = now,
                CompanyId = delivery.CompanyId, CorrelationId = delivery.CorrelationId,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Provider} event could not be stored", delivery.Provider);
            return Count(delivery, IntakeOutcome.Unavailable);
        }
        // Seen before (stored == false): acknowledged again, stored once, applied once.
        if (stored) await dedup.StoredAsync(delivery.Provider, key, ct);
        return Count(delivery, stored ? IntakeOutcome.Stored : IntakeOutcome.Duplicate);
    }

    private IntakeOutcome Count(WebhookDelivery delivery, IntakeOutcome outcome)
    {
        metrics.Received(delivery.Provider, delivery.MetricLabel, outcome switch
        {
            IntakeOutcome.Stored => "stored",
            IntakeOutcome.Duplicate => "duplicate",
            _ => "unavailable",
        });
        return outcome;
    }
}
