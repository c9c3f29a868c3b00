using System.Net;
using AskPro.Core.Notifications;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AskPro.Web.Accounts;

/// <summary>Identity's account e-mails (confirmation, password reset) through the one e-mail
/// gateway: SMTP when configured, the dev outbox in Development. German, text and HTML.</summary>
public sealed class AccountMailer(IEmailGateway gateway, ILogger<AccountMailer> logger) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SendAsync(email, "E-Mail-Adresse bestätigen", "Bitte bestätigen Sie Ihre E-Mail-Adresse für AskPro:", confirmationLink);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendAsync(email, "Passwort zurücksetzen", "Mit diesem Link setzen Sie Ihr AskPro-Passwort zurück:", resetLink);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        DeliverAsync(new OutgoingEmail(email, "Passwort zurücksetzen",
            $"Ihr Code zum Zurücksetzen des AskPro-Passworts: {resetCode}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail."));

    /// <summary>Someone signed up with an address that already has an account: its owner hears
    /// about it (the page itself answers as for a new account).</summary>
    public Task SendAlreadyRegisteredAsync(string email, string loginLink, string resetLink) =>
        DeliverAsync(new OutgoingEmail(email, "Sie haben bereits ein AskPro-Konto",
            $"Jemand wollte sich mit dieser E-Mail-Adresse bei AskPro registrieren. Sie haben bereits ein Konto.\n\n" +
            $"Anmelden: {loginLink}\nPasswort vergessen: {resetLink}\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail."));

    public Task SendInvitationAsync(string email, string link) =>
        SendAsync(email, "Einladung zu AskPro", "Sie wurden zum AskPro-Portal Ihres Teams eingeladen. Mit diesem Link wählen Sie Ihr Passwort:", link);

    private Task SendAsync(string to, string subject, string intro, string link)
    {
        const string ignore = "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.";
        var text = $"{intro}\n\n{link}\n\n{ignore}";
        var html = $"<p>{WebUtility.HtmlEncode(intro)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p><p>{ignore}</p>";
        return DeliverAsync(new OutgoingEmail(to, subject, text, html));
    }

    // The account pages answer the same whether or not a mail went out (they must not reveal who
    // has an account), so a failed hand-over is logged for the operator rather than shown.
    private async Task DeliverAsync(OutgoingEmail email)
    {
        try
        {
            await gateway.SendAsync(email, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Account e-mail '{Subject}' could not be handed over", email.Subject);
        }
    }
}
