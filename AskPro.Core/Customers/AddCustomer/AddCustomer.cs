using AskPro.Core.Operations;

namespace AskPro.Core.Customers.AddCustomer;

/// <summary>Staff add a customer in the portal: the one customer rule set
/// (<see cref="FindOrCreateCustomer"/>) decides, and a customer it creates is audited with who
/// added it. A customer it finds (same number or address) is reported, not changed.</summary>
public sealed class AddCustomer(FindOrCreateCustomer customers, IAuditLog audit, TimeProvider clock)
{
    public async Task<CustomerOutcome> RunAsync(CustomerContact contact, string actor, CancellationToken ct)
    {
        var outcome = await customers.RunAsync(contact, ct);
        if (outcome is CustomerOutcome.Created created)
            await audit.WriteAsync(new AuditEntry
            {
                Actor = actor, Action = "customer.create", EntityType = nameof(Customer),
                EntityId = created.Customer.Id.ToString(), At = clock.GetUtcNow().UtcDateTime,
            }, ct);
        return outcome;
    }
}
