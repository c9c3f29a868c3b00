namespace AskPro.Core.Webhooks;

/// <summary>A fast first check for duplicate webhook deliveries (Redis when configured). It may
/// only ever say "certainly seen"; the inbox's unique index stays the final word, so nothing is
/// lost or doubled with the store down or absent.</summary>
public interface IDeliveryDeduplicator
{
    /// <summary>False only when this delivery was already stored durably.</summary>
    Task<bool> MaybeNewAsync(string provider, string eventKey, CancellationToken ct);

    /// <summary>Marks the delivery as durably stored (called after the inbox commit).</summary>
    Task StoredAsync(string provider, string eventKey, CancellationToken ct);
}
