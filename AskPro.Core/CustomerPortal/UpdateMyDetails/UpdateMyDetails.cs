using AskPro.Core.Customers;
using AskPro.Core.Operations;

namespace AskPro.Core.CustomerPortal.UpdateMyDetails;

/// <summary>What a signed-in customer may change about themselves. The phone number is not among
/// it: it is how the company knows them on the phone (and unique within the company).</summary>
public sealed record MyDetails(string? Name, string? Email, bool NoReminders, bool OptedOutOfEmail, bool OptedOutOfSms, string Language);

public abstract record MyDetailsOutcome
{
    public sealed record Saved(Customer Customer) : MyDetailsOutcome;

    /// <summary>"name" or "email" is not acceptable; nothing changed.</summary>
    public sealed record Invalid(string Field) : MyDetailsOutcome;

    public sealed record NotFound : MyDetailsOutcome;
}

/// <summary>The customer changes their own name, e-mail address, reminder and channel choices
/// and language in the portal; audited as the customer ("customer:{id}"), without the values.</summary>
public sealed class UpdateMyDetails(ICustomerPortalStore store, TimeProvider clock)
{
    public async Task<MyDetailsOutcome> RunAsync(Guid customerId, MyDetails details, CancellationToken ct)
    {
        if (!PersonName.TryNormalize(details.Name, out var name)) return new MyDetailsOutcome.Invalid("name");
        if (!EmailAddress.TryNormalize(details.Email, out var email)) return new MyDetailsOutcome.Invalid("email");
        if (await store.FindAsync(customerId, ct) is not { } customer || (customer.Phone is null && customer.Email is null))
            return new MyDetailsOutcome.NotFound();

        customer.Name = name;
        customer.Email = email;
        customer.NoReminders = details.NoReminders;
        customer.OptedOutOfEmail = details.OptedOutOfEmail;
        customer.OptedOutOfSms = details.OptedOutOfSms;
        customer.Language = Notifications.MessageTemplates.LanguageOf(details.Language);
        await store.SaveAsync(customer, new AuditEntry
        {
            Actor = "customer:" + customerId, Action = "customer.self-update", EntityType = nameof(Customer), EntityId = customerId.ToString(),
            At = clock.GetUtcNow().UtcDateTime,
        }, ct);
        return new MyDetailsOutcome.Saved(customer);
    }
}
