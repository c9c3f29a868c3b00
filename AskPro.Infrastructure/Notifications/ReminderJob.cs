using AskPro.Core.Notifications;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Notifications;

/// <summary>Every five minutes: writes the reminders that have come due (<see cref="ReminderRule"/>)
/// as message rows for <see cref="MessageSender"/>. The row's key holds the appointment and its
/// start, and is unique: two nodes running this at once, or a run repeated after a crash, cannot
/// write a reminder twice; a moved appointment is due again for its new start only (the sender
/// skips a row whose start the appointment no longer has); a cancelled one is never due.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderJob> logger) : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("reminders", "notifications");
    private const int Batch = 500;

    protected override string Name => "ReminderJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AskProDbContext>(); // platform scope (RecordedJob)
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var horizon = now + ReminderRule.MaxLead;
        var candidates = await (
            from a in db.Appointments.AsNoTracking()
            where (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed) && a.StartUtc > now && a.StartUtc <= horizon
            join c in db.Companies.AsNoTracking() on a.CompanyId equals c.Id
            join p in db.Customers.AsNoTracking() on a.CustomerId equals p.Id
            orderby a.StartUtc
            select new { Appointment = a, Company = c, Customer = p }).Take(Batch).ToListAsync(ct);

        var written = 0;
        foreach (var due in candidates.Where(x => ReminderRule.DueAtUtc(x.Company.ReminderHoursBefore, x.Appointment.CreatedAt, x.Appointment.StartUtc) <= now))
        {
            var keys = CustomerNotices.ChannelsFor(due.Company, due.Customer, MessageKind.Reminder)
                .Select(channel => (channel, key: CustomerMessage.KeyFor(MessageKind.Reminder, channel, due.Appointment.Id, $"{due.Appointment.StartUtc:yyyyMMddTHHmm}")))
                .ToList();
            var known = await db.CustomerMessages.Where(m => m.CompanyId == due.Company.Id && keys.Select(k => k.key).Contains(m.Key)).Select(m => m.Key).ToListAsync(ct);
            foreach (var (channel, key) in keys.Where(k => !known.Contains(k.key)))
                db.CustomerMessages.Add(new CustomerMessage
                {
                    CompanyId = due.Company.Id, Key = key, CustomerId = due.Customer.Id, AppointmentId = due.Appointment.Id, Kind = MessageKind.Reminder,
                    Channel = channel, AppointmentStartUtc = due.Appointment.StartUtc, CreatedAt = now, NextAttemptAt = now,
                });
            try
            {
                written += await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear(); // another node wrote this reminder a moment ago
            }
        }
        return (JobOutcome.Succeeded, $"{written} reminder(s) written");
    }
}
