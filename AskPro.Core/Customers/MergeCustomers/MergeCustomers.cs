using AskPro.Core.Operations;

namespace AskPro.Core.Customers.MergeCustomers;

public abstract record MergeOutcome
{
    public sealed record Merged : MergeOutcome;

    /// <summary>One of the two is unknown or another company's (→ 404); nothing changed.</summary>
    public sealed record NotFound : MergeOutcome;

    /// <summary>A record cannot be merged into itself.</summary>
    public sealed record SameCustomer : MergeOutcome;
}

/// <summary>Two records of one person become one: the appointments, calls, messages, callback
/// requests, portal sign-in links and waitlist entries of <c>duplicateId</c> (every row naming a
/// customer) move to <c>keptId</c>, the kept record takes the
/// duplicate's number, address and notes where it has none, and the duplicate is deleted — in
/// one transaction within the current company (the tenant filters do not see another's
/// records, so a foreign id is simply not found). Audited on the kept record.</summary>
public sealed class MergeCustomers(ICustomerDataStore store, TimeProvider clock)
{
    public async Task<MergeOutcome> RunAsync(Guid keptId, Guid duplicateId, string actor, CancellationToken ct)
    {
        if (keptId == duplicateId) return new MergeOutcome.SameCustomer();
        var audit = new AuditEntry
        {
            Actor = actor, Action = "customer.merge", EntityType = nameof(Customer), EntityId = keptId.ToString(),
            Details = $"merged {duplicateId}", At = clock.GetUtcNow().UtcDateTime,
        };
        return await store.MergeAsync(keptId, duplicateId, audit, ct) ? new MergeOutcome.Merged() : new MergeOutcome.NotFound();
    }
}
