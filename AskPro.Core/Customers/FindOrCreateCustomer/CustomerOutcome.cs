namespace AskPro.Core.Customers;

public enum CustomerMatch { Phone, Email }

/// <summary>What finding or creating a customer came to.</summary>
public abstract record CustomerOutcome
{
    /// <summary>The customer found or created; null when the contact was refused.</summary>
    public Customer? Resolved => this switch
    {
        Found found => found.Customer,
        Created created => created.Customer,
        _ => null,
    };

    /// <summary>The company already has this customer (matched by <see cref="By"/>); nothing was changed.</summary>
    public sealed record Found(Customer Customer, CustomerMatch By) : CustomerOutcome;

    public sealed record Created(Customer Customer) : CustomerOutcome;

    /// <summary>A field is wrong; <see cref="Field"/> names it ("name", "phone", "email"). Nothing stored.</summary>
    public sealed record Invalid(string Field, string Reason) : CustomerOutcome;

    /// <summary>No customer has this number or address, and no name was given to create one.</summary>
    public sealed record NameNeeded : CustomerOutcome;
}
