using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The call-side reads and writes of the agent functions, on the tenant-filtered context.</summary>
internal sealed class AgentData(AskProDbContext db, CallSelections selections) : IAgentData
{
    /// <summary>Kept in memory and stored with the function log's next batch (<see cref="CallSelections"/>).</summary>
    public Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct)
    {
        selections.Remember(callRowId, new CallSelections.Selection(db.CurrentTenantId, serviceId, staffId));
        return Task.CompletedTask;
    }

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
