namespace AskPro.Core.Tenancy;

/// <summary>The company a piece of data belongs to. Wraps the company's database id so that a
/// tenant can never be confused with any other Guid in a signature.</summary>
public readonly record struct TenantId(Guid Value)
{
    public static TenantId From(Guid value) =>
        value == Guid.Empty ? throw new ArgumentException("A tenant id cannot be empty.", nameof(value)) : new(value);

    public override string ToString() => Value.ToString();
}
