using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Scheduling;

/// <summary>Writes appointments together with their slot claims. The claims' unique index turns
/// a race between two bookings into a constraint violation, which becomes "slot taken". Every
/// committed change announces the time it took or freed (<see cref="IAvailabilityChanged"/>),
/// so no caller can forget to.</summary>
internal sealed class AppointmentStore(AskProDbContext db, TimeProvider clock, IAvailabilityChanged changed) : IBookingStore
{
    public Task<Service?> FindServiceAsync(Guid serviceId, CancellationToken ct) =>
        db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);

    public Task<Staff?> FindStaffWithServicesAsync(Guid staffId, CancellationToken ct) =>
        db.Staff.AsNoTracking().Include(s => s.Services).FirstOrDefaultAsync(s => s.Id == staffId, ct);

    public Task<bool> CustomerExistsAsync(Guid customerId, CancellationToken ct) =>
        db.Customers.AnyAsync(c => c.Id == customerId, ct);

    public async Task<bool> TryInsertAsync(Appointment appointment, TimeInterval blocked, CancellationToken ct)
    {
        var granules = blocked.Granules(SlotClaim.Granule).ToList();
        // A cheap look first, so the common "taken" case needs no failed write; the unique
        // index below still decides every race.
        var (first, last) = (granules[0], granules[^1]);
        if (await db.SlotClaims.AnyAsync(c => c.StaffId == appointment.StaffId && c.GranuleStartUtc >= first && c.GranuleStartUtc <= last, ct))
            return false;

        db.Appointments.Add(appointment);
        var claims = granules
            .Select(g => new SlotClaim
            {
                CompanyId = appointment.CompanyId, StaffId = appointment.StaffId,
                GranuleStartUtc = g, AppointmentId = appointment.Id,
            })
            .ToList();
        db.SlotClaims.AddRange(claims);

        try
        {
            // SaveChanges runs in one transaction: the appointment exists only with all its claims.
            await db.SaveChangesAsync(ct);
            await changed.NotifyAsync([blocked], ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            db.Entry(appointment).State = EntityState.Detached;
            foreach (var claim in claims) db.Entry(claim).State = EntityState.Detached;
            return false;
        }
    }

    public async Task<bool> TryMoveAsync(Guid appointmentId, DateTime newStartUtc, CancellationToken ct)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is not { IsActive: true }) return false;
        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == appointment.ServiceId, ct);
        var blocked = new TimeInterval(newStartUtc, newStartUtc + service.Duration + service.Buffer);
        var freed = new TimeInterval(appointment.StartUtc, appointment.EndUtc + service.Buffer);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Old claims go first, so a move that overlaps its own old time is possible.
            await db.SlotClaims.Where(c => c.AppointmentId == appointmentId).ExecuteDeleteAsync(ct);
            appointment.StartUtc = newStartUtc;
            appointment.EndUtc = newStartUtc + service.Duration;
            appointment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.SlotClaims.AddRange(blocked.Granules(SlotClaim.Granule).Select(g => new SlotClaim
            {
                CompanyId = appointment.CompanyId, StaffId = appointment.StaffId, GranuleStartUtc = g, AppointmentId = appointment.Id,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await changed.NotifyAsync([freed, blocked], ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<bool> CancelAsync(Guid appointmentId, string? reason, CancellationToken ct)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null) return false;
        if (!appointment.IsActive) return true;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        appointment.Status = AppointmentStatus.Cancelled;
        appointment.CancellationReason = reason;
        appointment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var claims = await db.SlotClaims.Where(c => c.AppointmentId == appointmentId).ToListAsync(ct);
        db.SlotClaims.RemoveRange(claims);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (claims.Count > 0)
            await changed.NotifyAsync([new TimeInterval(claims.Min(c => c.GranuleStartUtc), claims.Max(c => c.GranuleStartUtc) + SlotClaim.Granule)], ct);
        return true;
    }
}
