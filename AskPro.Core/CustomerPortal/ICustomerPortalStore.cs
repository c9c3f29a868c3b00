using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Core.Shared;

namespace AskPro.Core.CustomerPortal;

/// <summary>Storage side of the customer portal, scoped to the company of the link.</summary>
public interface ICustomerPortalStore
{
    /// <summary>The company's customer with this number or address (addresses compared without
    /// regard to case), or null. Erased customers have neither and are never found.</summary>
    Task<Customer?> FindByContactAsync(E164Number? phone, string? email, CancellationToken ct);

    Task<Customer?> FindAsync(Guid customerId, CancellationToken ct);

    /// <summary>Does the appointment exist and belong to this customer?</summary>
    Task<bool> OwnsAppointmentAsync(Guid customerId, Guid appointmentId, CancellationToken ct);

    Task AddLinkAsync(CustomerSignInLink link, CancellationToken ct);

    /// <summary>Marks the link with this hash used, if it is unused and not expired at
    /// <paramref name="nowUtc"/>, and returns it; null otherwise. Atomic: of two requests with
    /// the same link only one gets it.</summary>
    Task<CustomerSignInLink?> UseLinkAsync(string tokenHash, DateTime nowUtc, CancellationToken ct);

    /// <summary>Saves the changed customer and the audit entry together.</summary>
    Task SaveAsync(Customer customer, AuditEntry audit, CancellationToken ct);
}
