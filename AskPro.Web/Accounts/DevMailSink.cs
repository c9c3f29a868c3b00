using System.Collections.Concurrent;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AskPro.Web.Accounts;

public sealed record DevMail(DateTime At, string To, string Subject, string Body);

/// <summary>Until AskPro sends e-mail, account mails land here and are shown on /dev/mail
/// (Development only). Keeps the last 50.</summary>
public sealed class DevMailSink(TimeProvider clock) : IEmailSender<AppUser>
{
    private readonly ConcurrentQueue<DevMail> _mails = new();

    public IReadOnlyList<DevMail> Recent => _mails.Reverse().ToList();

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        Add(email, "E-Mail bestätigen", confirmationLink);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        Add(email, "Passwort zurücksetzen", resetLink);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        Add(email, "Passwort zurücksetzen", resetCode);

    private Task Add(string to, string subject, string body)
    {
        _mails.Enqueue(new DevMail(clock.GetUtcNow().UtcDateTime, to, subject, body));
        while (_mails.Count > 50) _mails.TryDequeue(out _);
        return Task.CompletedTask;
    }
}
