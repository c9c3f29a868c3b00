using AskPro.Core.Shared;

namespace AskPro.Core.Customers;

/// <summary>Who a customer is, as a channel knows them: a name, maybe a number (any spelling,
/// read in <see cref="Region"/> or else the company's country), maybe an e-mail address; and
/// who is asking (<see cref="Actor"/>, for the audit).</summary>
public sealed record CustomerContact(string? Name, string? Phone, string? Email, string Notes = "", string? Region = null, string Actor = "system");

/// <summary>The one rule set for customers, used by the phone agent, the portal, the REST API
/// and the Cal.com mirror: found by E.164 number within the company, else by e-mail address,
/// else created. Name and e-mail follow <see cref="PersonName"/> and <see cref="EmailAddress"/>.
/// Two requests creating the same new number at once end with one customer (the unique index
/// decides; the loser reads the winner's row).</summary>
public sealed class FindOrCreateCustomer(ICustomerStore store, TimeProvider clock)
{
    public async Task<CustomerOutcome> RunAsync(CustomerContact contact, CancellationToken ct)
    {
        var named = !string.IsNullOrWhiteSpace(contact.Name);
        if (named && !PersonName.TryNormalize(contact.Name, out _)) return InvalidName;
        E164Number? phone = null;
        if (!string.IsNullOrWhiteSpace(contact.Phone)
            && !E164Number.TryParse(contact.Phone, contact.Region ?? await store.CompanyCountryAsync(ct), out phone))
            return new CustomerOutcome.Invalid("phone", "Das ist keine gültige Telefonnummer.");
        if (!EmailAddress.TryNormalize(contact.Email, out var email))
            return new CustomerOutcome.Invalid("email", "Das ist keine gültige E-Mail-Adresse.");

        if (phone is not null && await store.FindByPhoneAsync(phone, ct) is { } byPhone) return new CustomerOutcome.Found(byPhone, CustomerMatch.Phone);
        if (email is not null && await store.FindByEmailAsync(email, ct) is { } byEmail) return new CustomerOutcome.Found(byEmail, CustomerMatch.Email);

        if (!named) return new CustomerOutcome.NameNeeded();
        PersonName.TryNormalize(contact.Name, out var name);

        var customer = new Customer { Name = name, Phone = phone, Email = email, Notes = contact.Notes, CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (await store.TryAddAsync(customer, contact.Actor, ct)) return new CustomerOutcome.Created(customer);
        // Lost the race for this number: the winner's customer is the one.
        return phone is not null && await store.FindByPhoneAsync(phone, ct) is { } winner
            ? new CustomerOutcome.Found(winner, CustomerMatch.Phone)
            : throw new InvalidOperationException("The customer could not be stored and no customer has its number.");
    }

    private static readonly CustomerOutcome.Invalid InvalidName =
        new("name", $"Bitte einen Namen mit 2 bis {PersonName.MaxLength} Zeichen angeben (Buchstaben, keine Sonderzeichen).");
}
