using AskPro.Core.Operations;

namespace AskPro.Core.Customers.EraseCustomer;

public abstract record EraseOutcome
{
    public sealed record Erased : EraseOutcome;

    /// <summary>Unknown customer, or another company's (→ 404).</summary>
    public sealed record NotFound : EraseOutcome;
}

/// <summary>GDPR Art. 17: the customer's personal data (name, phone, e-mail, notes, what they
/// said on calls, messages sent to them, callback requests, webhook payloads naming them) is
/// removed from every table; appointments and calls stay as anonymous statistics. Audited in
/// the same transaction (the audit entry names only the customer's id).</summary>
public sealed class EraseCustomer(ICustomerDataStore store, TimeProvider clock)
{
    public async Task<EraseOutcome> RunAsync(Guid customerId, string actor, CancellationToken ct)
    {
        var audit = new AuditEntry
        {
            Actor = actor, Action = "customer.erase", EntityType = nameof(Customer), EntityId = customerId.ToString(), At = clock.GetUtcNow().UtcDateTime,
        };
        return await store.EraseAsync(customerId, audit, ct) ? new EraseOutcome.Erased() : new EraseOutcome.NotFound();
    }
}
