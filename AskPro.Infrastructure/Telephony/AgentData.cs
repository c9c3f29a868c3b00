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
    public async Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct) =>
        await db.Calls.Where(c => c.Id == callRowId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SelectedServiceId, serviceId).SetProperty(c => c.SelectedStaffId, staffId), ct);

    public Task<Appointment?> BookedByCallAsync(Guid callRowId, DateTime startUtc, CancellationToken ct) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.CallId == callRowId && a.StartUtc == startUtc
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow, ct);

    public async Task AddCallbackAsync(CallbackRequest request, CancellationToken ct)
    {
        db.CallbackRequests.Add(request);
        await db.SaveChangesAsync(ct);
    }
}
