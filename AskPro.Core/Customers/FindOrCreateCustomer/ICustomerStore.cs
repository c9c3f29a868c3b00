using AskPro.Core.Shared;

namespace AskPro.Core.Customers;

/// <summary>Storage side of customers, implemented in Infrastructure (scoped to the tenant).</summary>
public interface ICustomerStore
{
    /// <summary>The company's country (ISO 3166 alpha-2), the default region for its numbers.</summary>
    Task<string> CompanyCountryAsync(CancellationToken ct);

    Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct);
    Task<Customer?> FindByEmailAsync(string email, CancellationToken ct);

    /// <summary>Stores the new customer with its <c>CustomerRegistered</c> event (by <paramref name="actor"/>). False when the
    /// company's unique phone index refused it: another request created that number just now.</summary>
    Task<bool> TryAddAsync(Customer customer, string actor, CancellationToken ct);
}
