namespace AskPro.Infrastructure.Waitlist;

/// <summary>Section "Waitlist".</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>How many of the first in line hear of a freed slot: enough that someone takes it
    /// soon, few enough that most who click still get it.</summary>
    public int OffersPerSlot { get; set; } = 3;
}
