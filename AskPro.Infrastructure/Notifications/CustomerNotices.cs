using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Notifications;

/// <summary>A booking, move or cancellation becomes a confirmation, change or cancellation
/// notice for the customer, on each channel the company uses and the customer has not opted
/// out of. Only the message rows are written here (saved with the event's delivery, so exactly
/// once); <see cref="MessageSender"/> sends them.</summary>
public sealed class CustomerNotices(AskProDbContext db, ITenantDirectory directory, TimeProvider clock) :
    IEventSubscriber<AppointmentBooked>, IEventSubscriber<AppointmentRescheduled>, IEventSubscriber<AppointmentCancelled>
{
    /// <summary>The demo seeder's actor: it writes history, which is no news to anyone.</summary>
    public const string SeedActor = "demo";

    private static readonly DateTime SequenceEpoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Task HandleAsync(AppointmentBooked e, CancellationToken ct) =>
        EnqueueAsync(e, e.Source, MessageKind.Confirmation, e.AppointmentId, e.StartUtc, "booked", 0, ct);

    public Task HandleAsync(AppointmentRescheduled e, CancellationToken ct) =>
        EnqueueAsync(e, e.Source, MessageKind.Change, e.AppointmentId, e.StartUtc, e.EventId.ToString("N"), SequenceOf(e), ct);

    public Task HandleAsync(AppointmentCancelled e, CancellationToken ct) =>
        EnqueueAsync(e, e.Source, MessageKind.Cancellation, e.AppointmentId, e.StartUtc, "cancelled", SequenceOf(e), ct);

    /// <summary>Later changes get higher numbers without any counter to keep: the event's time in seconds.</summary>
    internal static int SequenceOf(DomainEvent e) => SequenceAt(e.OccurredAtUtc);

    /// <summary>The calendar entry's SEQUENCE for a version of the appointment changed at <paramref name="changedAtUtc"/> (grows with every change).</summary>
    public static int SequenceAt(DateTime changedAtUtc) => (int)Math.Max(1, (changedAtUtc - SequenceEpoch).TotalSeconds);

    /// <summary>The channels a message of this kind goes out on, for this company and customer.</summary>
    public static IEnumerable<MessageChannel> ChannelsFor(Company company, Customer customer, MessageKind kind)
    {
        if (kind == MessageKind.Reminder && customer.NoReminders) yield break;
        if (company.NotifyByEmail && !string.IsNullOrWhiteSpace(customer.Email) && !customer.OptedOutOfEmail) yield return MessageChannel.Email;
        if (company.NotifyBySms && customer.Phone is not null && !customer.OptedOutOfSms) yield return MessageChannel.Sms;
    }

    private async Task EnqueueAsync(DomainEvent e, AppointmentSource source, MessageKind kind, Guid appointmentId, DateTime startUtc, string occasion, int sequence,
        CancellationToken ct)
    {
        // Cal.com tells its attendees itself; a past appointment is history.
        var now = clock.GetUtcNow().UtcDateTime;
        if (e.Actor == SeedActor || source == AppointmentSource.CalCom || startUtc <= now) return;
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null || await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == appointment.CustomerId, ct) is not { } customer) return;
        var company = (await directory.GetAsync(ct)).Company; // the cached snapshot, dropped when the company changes
        foreach (var channel in ChannelsFor(company, customer, kind))
            db.CustomerMessages.Add(new CustomerMessage
            {
                Key = CustomerMessage.KeyFor(kind, channel, appointmentId, occasion), CustomerId = customer.Id, AppointmentId = appointmentId,
                Kind = kind, Channel = channel, AppointmentStartUtc = startUtc, Sequence = sequence, CreatedAt = now, NextAttemptAt = now,
            });
    }
}
