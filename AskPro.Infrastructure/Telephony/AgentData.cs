using System.Text.Json;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The agent functions' reads and writes, on the tenant-filtered context. Booked time
/// per staff and range is cached in the tenant's "availability" area, which every change drops.</summary>
internal sealed class AgentData(AskProDbContext db, ITenantCache cache, TimeProvider clock) : IAgentData
{
    public const string CacheArea = "availability";

    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken ct) =>
        await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<Staff>> StaffAsync(Guid branchId, CancellationToken ct) =>
        await db.Staff.AsNoTracking().Include(s => s.Services).Where(s => s.BranchId == branchId && s.Active).OrderBy(s => s.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<BusyTime>> BookedAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, Guid? exceptAppointment, CancellationToken ct)
    {
        var key = $"{string.Join(',', staffIds.Order())}|{range.Start.Ticks}|{range.End.Ticks}|{exceptAppointment}";
        if (await cache.GetAsync(CacheArea, key, ct) is { } cached)
            return JsonSerializer.Deserialize<List<CachedBusy>>(cached)!.Select(b => new BusyTime(b.StaffId,
                new TimeInterval(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), DateTime.SpecifyKind(b.End, DateTimeKind.Utc)))).ToList();

        var claims = await db.SlotClaims.AsNoTracking()
            .Where(c => staffIds.Contains(c.StaffId) && c.GranuleStartUtc >= range.Start.AddHours(-12) && c.GranuleStartUtc < range.End
                        && (exceptAppointment == null || c.AppointmentId != exceptAppointment))
            .OrderBy(c => c.StaffId).ThenBy(c => c.GranuleStartUtc)
            .Select(c => new { c.StaffId, c.GranuleStartUtc })
            .ToListAsync(ct);

        // Consecutive granules merge into one busy interval per staff member.
        var busy = new List<CachedBusy>();
        foreach (var claim in claims)
        {
            var end = claim.GranuleStartUtc + SlotClaim.Granule;
            if (busy.Count > 0 && busy[^1].StaffId == claim.StaffId && busy[^1].End == claim.GranuleStartUtc) busy[^1] = busy[^1] with { End = end };
            else busy.Add(new CachedBusy(claim.StaffId, claim.GranuleStartUtc, end));
        }
        await cache.SetAsync(CacheArea, key, JsonSerializer.Serialize(busy), TimeSpan.FromMinutes(5), ct);
        return busy.Select(b => new BusyTime(b.StaffId, new TimeInterval(b.Start, b.End))).ToList();
    }

    private sealed record CachedBusy(Guid StaffId, DateTime Start, DateTime End);

    public async Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct) =>
        await db.Calls.Where(c => c.Id == callRowId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SelectedServiceId, serviceId).SetProperty(c => c.SelectedStaffId, staffId), ct);

    public Task<Customer?> CustomerByPhoneAsync(E164Number phone, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, ct);

    public async Task<Customer> CreateCustomerAsync(string name, E164Number? phone, string? email, CancellationToken ct)
    {
        var customer = new Customer { Name = name, Phone = phone, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(ct);
            return customer;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex) && phone is not null)
        {
            // Two calls from one new number at once: the other one created the customer.
            db.Entry(customer).State = EntityState.Detached;
            return await db.Customers.AsNoTracking().FirstAsync(c => c.Phone == phone, ct);
        }
    }

    public Task<Appointment?> BookedByCallAsync(Guid callRowId, DateTime startUtc, CancellationToken ct) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.CallId == callRowId && a.StartUtc == startUtc
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow, ct);

    public async Task<IReadOnlyList<Appointment>> UpcomingAsync(Guid customerId, DateTime fromUtc, CancellationToken ct) =>
        await db.Appointments.AsNoTracking()
            .Where(a => a.CustomerId == customerId && a.StartUtc >= fromUtc && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.StartUtc).Take(20).ToListAsync(ct);

    public async Task AddCallbackAsync(CallbackRequest request, CancellationToken ct)
    {
        db.CallbackRequests.Add(request);
        await db.SaveChangesAsync(ct);
    }

    public async Task LinkAsync(Guid callRowId, Guid? customerId, Guid? appointmentId, CancellationToken ct) =>
        await db.Calls.Where(c => c.Id == callRowId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, c => customerId ?? c.CustomerId)
                .SetProperty(c => c.AppointmentId, c => appointmentId ?? c.AppointmentId), ct);
}
