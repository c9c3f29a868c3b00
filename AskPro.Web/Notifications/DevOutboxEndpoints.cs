using AskPro.Infrastructure.Notifications;

namespace AskPro.Web.Notifications;

public static class DevOutboxEndpoints
{
    /// <summary>Development only (CONTRACTS.md): every e-mail and SMS sent, newest first, and the
    /// attachments of an e-mail (the calendar file) to open from the /dev/mail page.</summary>
    public static IEndpointRouteBuilder MapDevOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/outbox.json", (DevOutbox outbox) => TypedResults.Ok(outbox.Recent.Select(e => new OutboxItem(
            e.Channel == OutboxChannel.Email ? "email" : "sms", e.To, e.Subject, e.Text, e.SentAt))));
        app.MapGet("/dev/outbox/{id:guid}/{fileName}", IResult (DevOutbox outbox, Guid id, string fileName) =>
            outbox.Find(id)?.Attachments.FirstOrDefault(a => a.FileName == fileName) is { } file
                ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                : TypedResults.NotFound());
        return app;
    }

    private sealed record OutboxItem(string Channel, string To, string Subject, string Text, DateTime SentAt);
}
