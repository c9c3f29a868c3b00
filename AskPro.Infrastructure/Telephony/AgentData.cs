using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The call-side reads and writes of the agent functions, on the tenant-filtered context.</summary>
internal sealed class AgentData(AskProDbContext db) : IAgentData
{
    // One plain statement: EF cannot compile an ExecuteUpdate, and translating its expression
    // tree again on every check cost more than the write itself (a sixth of a check_availability).
    // The tenant is in the WHERE as the query filter would put it; the interpolated values become
    // parameters with EF's own type mappings (a Guid is written as the column stores it).
    public Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""UPDATE "Calls" SET "SelectedServiceId" = {serviceId}, "SelectedStaffId" = {staffId} WHERE "Id" = {callRowId} AND "CompanyId" = {db.CurrentTenantId}""", ct);

    public Task<Appointment?> BookedByCallAsync(Guid callRowId, DateTime startUtc, CancellationToken ct) =>
        BookedByCall(db, callRowId, startUtc).FirstOrDefaultAsync(ct);

    /// <summary>The call's active appointment at a start, on the (CompanyId, CallId) index. The
    /// tenant filter alone, <c>(@off OR CompanyId = @tenant)</c>, is no term SQLite can seek on:
    /// without the explicit CompanyId the read was a SCAN of every appointment, on every booking
    /// of a caller who is not yet a customer (<c>QueryPlanTests</c>). The filter still applies.</summary>
    internal static IQueryable<Appointment> BookedByCall(AskProDbContext db, Guid callRowId, DateTime startUtc)
    {
        var company = db.CurrentTenantId;
        return db.Appointments.AsNoTracking().Where(a => a.CompanyId == company && a.CallId == callRowId && a.StartUtc == startUtc
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow);
    }

    public async Task AddCallbackAsync(CallbackRequest request, CancellationToken ct)
    {
        db.CallbackRequests.Add(request);
        await db.SaveChangesAsync(ct);
    }
}
