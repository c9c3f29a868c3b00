using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>Everything staff see on a customer's page. The lists are the newest
/// <see cref="CustomerDetailQueries.ListSize"/> each; the counts are over all.</summary>
public sealed record CustomerDetail(
    Guid Id, string Name, E164Number? Phone, string? Email, string Notes, string Language,
    bool OptedOutOfEmail, bool OptedOutOfSms, bool NoReminders, DateTime CreatedAt,
    int NoShows, int AppointmentCount,
    IReadOnlyList<AppointmentRow> Upcoming, IReadOnlyList<AppointmentRow> Past,
    IReadOnlyList<CustomerCallRow> Calls, IReadOnlyList<CustomerMessageRow> Messages);

public sealed record CustomerCallRow(Guid Id, DateTime? StartedAt, int? DurationSeconds, CallOutcome Outcome, string? Summary);

/// <summary>A message to the customer as staff need it: was it sent, and if not, why
/// (skipped: opted out, moved; failed: the provider's last error).</summary>
public sealed record CustomerMessageRow(
    DateTime CreatedAt, MessageKind Kind, MessageChannel Channel, InboxStatus Status, DateTime? SentAt,
    string Recipient, string Subject, int Attempts, string? SkippedBecause, string? LastError);

public interface ICustomerDetailQueries
{
    /// <summary>Null for an unknown customer or another company's (the tenant filters never see it).</summary>
    Task<CustomerDetail?> DetailAsync(Guid customerId, CancellationToken ct);
}

internal sealed class CustomerDetailQueries(IDbContextFactory<AskProDbContext> contexts, TimeProvider clock) : ICustomerDetailQueries
{
    public const int ListSize = 50;

    public async Task<CustomerDetail?> DetailAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == customerId, ct);
        if (c is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;

        var appointments = from r in AppointmentQueries.Rows(db)
                           join a in db.Appointments on r.Id equals a.Id
                           where a.CustomerId == customerId
                           select r;
        var upcoming = await appointments.Where(r => r.EndUtc >= now).OrderBy(r => r.StartUtc).Take(ListSize).ToListAsync(ct);
        var past = await appointments.Where(r => r.EndUtc < now).OrderByDescending(r => r.StartUtc).Take(ListSize).ToListAsync(ct);
        var all = await db.Appointments.CountAsync(a => a.CustomerId == customerId, ct);
        var noShows = await db.Appointments.CountAsync(a => a.CustomerId == customerId && a.Status == AppointmentStatus.NoShow, ct);

        var calls = (await db.Calls.AsNoTracking().Where(x => x.CustomerId == customerId)
                .OrderByDescending(x => x.StartedAt).Take(ListSize)
                .Select(x => new { x.Id, x.StartedAt, x.DurationSeconds, x.Status, x.AppointmentId, x.Successful, x.Summary }).ToListAsync(ct))
            .Select(x => new CustomerCallRow(x.Id, x.StartedAt, x.DurationSeconds, CallOutcomes.Of(x.Status, x.AppointmentId, x.Successful), x.Summary)).ToList();

        var messages = await db.CustomerMessages.AsNoTracking().Where(m => m.CustomerId == customerId)
            .OrderByDescending(m => m.CreatedAt).Take(ListSize)
            .Select(m => new CustomerMessageRow(m.CreatedAt, m.Kind, m.Channel, m.Status, m.SentAt, m.Recipient, m.Subject, m.Attempts, m.SkippedBecause, m.LastError))
            .ToListAsync(ct);

        return new CustomerDetail(c.Id, c.Name, c.Phone, c.Email, c.Notes, c.Language, c.OptedOutOfEmail, c.OptedOutOfSms, c.NoReminders, c.CreatedAt,
            noShows, all, upcoming, past, calls, messages);
    }
}
