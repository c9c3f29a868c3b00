namespace AskPro.Web;

/// <summary>Marker for the portal's UI texts: Resources/SharedResource.resx (German, the
/// default) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
