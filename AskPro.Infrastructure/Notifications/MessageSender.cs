using AskPro.Core.Notifications;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Notifications;

/// <summary>Sends due customer messages: claims them in batches with a lease (<see cref="LeaseClaim"/>,
/// as the outbox does, so several nodes never send the same row), composes each in its
/// company's scope, hands it to the e-mail or SMS gateway and records the result. A failure is
/// retried with the inbox's backoff and finally dead-lettered, visible to staff; a node that dies
/// mid-send leaves the row to be claimed again when its short lease runs out (at once when the node restarts).</summary>
public sealed class MessageSender(IServiceScopeFactory scopes, MessagesOptions options, LeaseClaim leases, TimeProvider clock, ILogger<MessageSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(20, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Message send pass failed; it will try again");
            }
            if (sent == 0) await Task.Delay(options.PollMilliseconds, ct);
        }
    }

    /// <summary>One pass over due messages; returns how many were handled.</summary>
    public async Task<int> SendDueAsync(int max, CancellationToken ct)
    {
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("messages: claim due");
            claimed = await leases.ClaimDueAsync<CustomerMessage>(scope.ServiceProvider.GetRequiredService<AskProDbContext>(), max, ct);
        }
        foreach (var id in claimed) await SendAsync(id, ct);
        return claimed.Count;
    }

    private async Task SendAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterPlatformScope("messages: read claimed");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var message = await db.CustomerMessages.SingleAsync(m => m.Id == id, ct);
        tenant.UseTenant(TenantId.From(message.CompanyId));
        using var _ = logger.BeginScope(new Dictionary<string, object> { ["CustomerMessage"] = message.Id, ["Kind"] = message.Kind, ["Channel"] = message.Channel });
        try
        {
            switch (await scope.ServiceProvider.GetRequiredService<MessageComposer>().ComposeAsync(message, ct))
            {
                case ComposedMessage.Skip skip:
                    message.SkippedBecause = skip.Reason;
                    break;
                case ComposedMessage.Email email:
                    await scope.ServiceProvider.GetRequiredService<IEmailGateway>().SendAsync(email.Message, ct);
                    Record(message, email.Message.To, email.Message.Subject, email.Message.Text, null);
                    break;
                case ComposedMessage.Sms sms:
                    var providerId = await scope.ServiceProvider.GetRequiredService<ISmsGateway>().SendAsync(sms.Message, ct);
                    Record(message, sms.Message.To.Value, "", sms.Message.Text, providerId);
                    break;
            }
            message.Status = InboxStatus.Processed;
            (message.LeaseUntil, message.LeaseOwner) = (null, null);
            message.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None); // sent: recorded even if the host is stopping now
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            var dead = message.Attempts >= CustomerMessage.MaxAttempts;
            logger.LogWarning("{Kind} message on {Channel} failed (attempt {Attempt}){Dead}: {Error}", message.Kind, message.Channel, message.Attempts,
                dead ? ", given up" : "", ex.GetType().Name);
            message.Status = dead ? InboxStatus.Dead : InboxStatus.Failed;
            (message.LeaseUntil, message.LeaseOwner) = (null, null);
            var error = $"{ex.GetType().Name}: {ex.Message}";
            message.LastError = error.Length > 2000 ? error[..2000] : error;
            message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + InboxItem.Backoff(message.Attempts, Random.Shared.NextDouble());
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private void Record(CustomerMessage message, string recipient, string subject, string text, string? providerId)
    {
        message.Recipient = recipient;
        message.Subject = subject.Length > 400 ? subject[..400] : subject;
        message.Text = text.Length > 8000 ? text[..8000] : text;
        message.ProviderMessageId = providerId;
        message.SentAt = clock.GetUtcNow().UtcDateTime;
    }
}
