using AskPro.Core.Operations;
using AskPro.Core.Shared;

namespace AskPro.Core.Customers.EditCustomer;

/// <summary>What staff may change on a customer: contact data, notes and the language of the messages.</summary>
public sealed record CustomerChanges(string? Name, string? Phone, string? Email, string? Notes, string Language = "de");

public abstract record EditOutcome
{
    public sealed record Saved : EditOutcome;

    /// <summary>Unknown customer, or another company's (→ 404).</summary>
    public sealed record NotFound : EditOutcome;

    /// <summary>A field is wrong (<see cref="Field"/>: "name", "phone", "email", "notes", "language"); nothing stored.</summary>
    public sealed record Invalid(string Field, string Reason) : EditOutcome;

    /// <summary>Another customer of the company has this number (the two records may be one person: merge them).</summary>
    public sealed record PhoneTaken : EditOutcome;
}

/// <summary>Staff correct a customer's record in the portal. The same rules as for a new
/// customer (<see cref="PersonName"/>, <see cref="EmailAddress"/>, E.164 in the company's
/// country); audited with the names of the fields that changed, never their values (the audit
/// log outlives an erasure's scrub only if it holds no personal data).</summary>
public sealed class EditCustomer(ICustomerDataStore store, ICustomerStore customers, TimeProvider clock)
{
    public async Task<EditOutcome> RunAsync(Guid customerId, CustomerChanges changes, string actor, CancellationToken ct)
    {
        if (!PersonName.TryNormalize(changes.Name, out var name))
            return new EditOutcome.Invalid("name", $"Bitte einen Namen mit 2 bis {PersonName.MaxLength} Zeichen angeben (Buchstaben, keine Sonderzeichen).");
        E164Number? phone = null;
        if (!string.IsNullOrWhiteSpace(changes.Phone) && !E164Number.TryParse(changes.Phone, await customers.CompanyCountryAsync(ct), out phone))
            return new EditOutcome.Invalid("phone", "Das ist keine gültige Telefonnummer.");
        if (!EmailAddress.TryNormalize(changes.Email, out var email))
            return new EditOutcome.Invalid("email", "Das ist keine gültige E-Mail-Adresse.");
        var notes = changes.Notes?.Trim() ?? "";
        if (notes.Length > Customer.MaxNotesLength || notes.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            return new EditOutcome.Invalid("notes", $"Notizen dürfen höchstens {Customer.MaxNotesLength} Zeichen lang sein.");
        if (changes.Language is not ("de" or "en"))
            return new EditOutcome.Invalid("language", "Bitte Deutsch oder Englisch wählen.");

        var audit = new AuditEntry
        {
            Actor = actor, Action = "customer.edit", EntityType = nameof(Customer), EntityId = customerId.ToString(), At = clock.GetUtcNow().UtcDateTime,
        };
        return await store.UpdateAsync(customerId, new CustomerFields(name, phone, email, notes, changes.Language), audit, ct) switch
        {
            UpdateResult.Updated => new EditOutcome.Saved(),
            UpdateResult.PhoneTaken => new EditOutcome.PhoneTaken(),
            _ => new EditOutcome.NotFound(),
        };
    }
}
