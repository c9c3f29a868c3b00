namespace AskPro.Web.CustomerPortal;

/// <summary>Section "CustomerPortal": how long a customer stays signed in, and how often sign-in links may be asked for.</summary>
public sealed class CustomerPortalOptions
{
    public const string Section = "CustomerPortal";

    public int SessionMinutes { get; set; } = 120;

    /// <summary>Link requests per visitor address per hour, and per e-mail address or phone number per hour.</summary>
    public int LinksPerIpPerHour { get; set; } = 20;
    public int LinksPerAddressPerHour { get; set; } = 3;
}
