namespace AskPro.Core.CustomerPortal.RequestSignInLink;

/// <summary>The magic link's message, in the customer's language ("de" or "en").</summary>
public sealed record SignInLinkMessage(string Name, string Company, string Link, string Language)
{
    private int Minutes => (int)CustomerSignInLink.Lifetime.TotalMinutes;

    public string Subject => Language == "en" ? $"Your sign-in link for {Company}" : $"Ihr Anmeldelink für {Company}";

    public string Text => Language == "en"
        ? $"Hello {Name},\n\nwith this link you see your appointments at {Company} and can move or cancel them:\n{Link}\n\n" +
          $"The link works once and for {Minutes} minutes. If you did not ask for it, simply ignore this message."
        : $"Guten Tag {Name},\n\nmit diesem Link sehen Sie Ihre Termine bei {Company} und können sie verschieben oder absagen:\n{Link}\n\n" +
          $"Der Link gilt einmal und {Minutes} Minuten lang. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht einfach.";

    public string Sms => Language == "en"
        ? $"{Company}: your sign-in link (once, {Minutes} min): {Link}"
        : $"{Company}: Ihr Anmeldelink (einmal, {Minutes} Min. gültig): {Link}";
}
