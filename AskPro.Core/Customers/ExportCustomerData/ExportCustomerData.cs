using AskPro.Core.Operations;

namespace AskPro.Core.Customers.ExportCustomerData;

/// <summary>GDPR Art. 15/20: everything the company has stored about a customer, as one
/// document (the caller serialises it, e.g. to JSON). Audited with who asked for it.
/// Null for an unknown customer or another company's (→ 404).</summary>
public sealed class ExportCustomerData(ICustomerDataStore store, IAuditLog audit, TimeProvider clock)
{
    public async Task<CustomerDataExport?> RunAsync(Guid customerId, string actor, CancellationToken ct)
    {
        var export = await store.ExportAsync(customerId, ct);
        if (export is null) return null;
        await audit.WriteAsync(new AuditEntry
        {
            Actor = actor, Action = "customer.export", EntityType = nameof(Customer), EntityId = customerId.ToString(), At = clock.GetUtcNow().UtcDateTime,
        }, ct);
        return export;
    }
}
