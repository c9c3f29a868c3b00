using System.Net.Mail;
using AskPro.Core.Shared;

namespace AskPro.Core.Customers;

public sealed record CustomerDetails(string Name, string? Phone, string? Email, string Notes = "");

public abstract record RegistrationOutcome
{
    public sealed record Registered(Customer Customer) : RegistrationOutcome;

    /// <summary>A field is wrong; <see cref="Field"/> names it ("name", "phone", "email").</summary>
    public sealed record Invalid(string Field, string Reason) : RegistrationOutcome;

    /// <summary>The number already belongs to a customer of this company.</summary>
    public sealed record DuplicatePhone(Guid ExistingCustomerId) : RegistrationOutcome;
}

/// <summary>Storage side of customers, implemented in Infrastructure (scoped to the tenant).</summary>
public interface ICustomerStore
{
    /// <summary>The company's country (ISO 3166 alpha-2), the default region for its numbers.</summary>
    Task<string> CompanyCountryAsync(CancellationToken ct);
    Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct);
    Task AddAsync(Customer customer, CancellationToken ct);
}

/// <summary>Adds a customer typed in by staff: the number is read in the company's country and
/// stored as E.164, unique within the company.</summary>
public sealed class RegisterCustomer(ICustomerStore store, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<RegistrationOutcome> RunAsync(CustomerDetails details, CancellationToken ct)
    {
        var name = details.Name?.Trim() ?? "";
        if (name.Length == 0) return new RegistrationOutcome.Invalid("name", "Bitte einen Namen angeben.");
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
            return new RegistrationOutcome.Invalid("name", $"Der Name darf höchstens {MaxNameLength} Zeichen lang sein und keine Steuerzeichen enthalten.");

        E164Number? phone = null;
        if (!string.IsNullOrWhiteSpace(details.Phone))
        {
            if (!E164Number.TryParse(details.Phone, await store.CompanyCountryAsync(ct), out phone))
                return new RegistrationOutcome.Invalid("phone", "Das ist keine gültige Telefonnummer.");
            if (await store.FindByPhoneAsync(phone, ct) is { } existing) return new RegistrationOutcome.DuplicatePhone(existing.Id);
        }

        var email = details.Email?.Trim();
        if (string.IsNullOrEmpty(email)) email = null;
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            return new RegistrationOutcome.Invalid("email", "Das ist keine gültige E-Mail-Adresse.");

        var customer = new Customer { Name = name, Phone = phone, Email = email, Notes = details.Notes, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await store.AddAsync(customer, ct);
        return new RegistrationOutcome.Registered(customer);
    }
}
