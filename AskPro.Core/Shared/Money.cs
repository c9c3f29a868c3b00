namespace AskPro.Core.Shared;

/// <summary>An amount in euro cents. Cents avoid every rounding question a decimal would raise.</summary>
public readonly record struct Money(long Cents)
{
    public static Money Zero => new(0);
    public static Money FromCents(long cents) =>
        cents < 0 ? throw new ArgumentOutOfRangeException(nameof(cents), "Prices cannot be negative.") : new(cents);

    public decimal Euros => Cents / 100m;

    public override string ToString() => Euros.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("de-DE")) + " €";
}
