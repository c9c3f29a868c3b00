using AskPro.Core.Booking;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Every 5 minutes: settles appointments left Pending (Cal.com's answer was lost) for
/// more than 2 minutes, by looking each up in Cal.com by our metadata. Found: Confirmed with its
/// uid. Absent: released, and for a phone booking a callback request so staff can call the
/// caller back. Cal.com not answerable: left for the next run, but released after a day, so
/// nothing stays Pending for ever. Every decision is audited.</summary>
[DisallowConcurrentExecution]
public sealed class BookingReconciliationJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BookingReconciliationJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("booking-reconciliation", "calendars");
    public static readonly TimeSpan SettleAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);
    private const string Actor = "reconciliation";

    protected override string Name => "BookingReconciliationJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var pending = await services.GetRequiredService<AskProDbContext>().Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Pending && a.CreatedAt < now - SettleAfter)
            .Select(a => new { a.Id, a.CompanyId }).ToListAsync(ct);
        var (confirmed, released, left) = (0, 0, 0);
        foreach (var company in pending.GroupBy(p => p.CompanyId))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(company.Key));
            foreach (var item in company)
            {
                switch (await SettleOrLeaveAsync(scope.ServiceProvider, item.Id, now, ct))
                {
                    case true: confirmed++; break;
                    case false: released++; break;
                    default: left++; break;
                }
            }
        }
        return (JobOutcome.Succeeded, $"{pending.Count} pending: {confirmed} confirmed, {released} released, {left} left for the next run");
    }

    /// <summary>A save that fails leaves this appointment (nothing of its settling was written)
    /// for the next run, and the others are still settled now.</summary>
    private async Task<bool?> SettleOrLeaveAsync(IServiceProvider services, Guid id, DateTime now, CancellationToken ct)
    {
        try
        {
            return await SettleAsync(services, id, now, ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Settling pending appointment {AppointmentId} failed; left for the next run", id);
            services.GetRequiredService<AskProDbContext>().ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>True: confirmed; false: released; null: undecided.</summary>
    private static async Task<bool?> SettleAsync(IServiceProvider services, Guid id, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<AskProDbContext>();
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == AppointmentStatus.Pending, ct);
        if (appointment is null) return null;
        var settle = services.GetRequiredService<SettlePending>();
        var audit = services.GetRequiredService<IAuditLog>();
        var lookup = await services.GetRequiredService<CalComCalendar>().FindOwnAsync(appointment, ct);
        if (lookup is CalComCalendar.Lookup.Found found)
        {
            await settle.ConfirmAsync(appointment, found.Uid, Actor, ct);
            await audit.WriteAsync(Entry("calcom.pending.confirmed", appointment, $"In Cal.com gefunden (uid {found.Uid}): bestätigt.", now), ct);
            return true;
        }
        if (lookup is CalComCalendar.Lookup.Failed failed && appointment.CreatedAt > now - GiveUpAfter) return null;

        var why = lookup is CalComCalendar.Lookup.Failed f ? $"Cal.com seit einem Tag nicht erreichbar ({f.Reason})" : "Nicht in Cal.com angekommen";
        // The callback is saved with the release, in one transaction: a caller is never left
        // without their appointment and without a call back.
        var callback = appointment.Source == AppointmentSource.Phone && await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == appointment.CustomerId, ct) is { } customer
            ? new CallbackRequest
            {
                CompanyId = appointment.CompanyId, CallId = appointment.CallId, CustomerId = customer.Id, Phone = customer.Phone, Name = customer.Name, CreatedAt = now,
                Reason = $"Telefonisch gebuchter Termin am {appointment.StartUtc:yyyy-MM-dd HH:mm} UTC konnte in Cal.com nicht bestätigt werden: bitte zurückrufen.",
            }
            : null;
        await settle.ReleaseAsync(appointment, why, callback, ct);
        await audit.WriteAsync(Entry("calcom.pending.released", appointment, why + ": freigegeben" + (callback is not null ? ", Rückruf angelegt." : "."), now), ct);
        return false;
    }

    private static AuditEntry Entry(string action, Core.Scheduling.Appointment appointment, string details, DateTime now) => new()
    {
        CompanyId = appointment.CompanyId, Actor = Actor, Action = action, EntityType = "Appointment", EntityId = appointment.Id.ToString(), Details = details, At = now,
    };
}
