using AskPro.Core.Booking;
using AskPro.Core.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Events.Subscribers;

/// <summary>When a call has ended, the slots it was offered are no longer held for it: other
/// callers get them at once instead of after the hold expires (Cal.com's reservations too).</summary>
public sealed class EndedCallHolds(AskProDbContext db, FindFreeSlots slots) : IEventSubscriber<CallCompleted>
{
    public async Task HandleAsync(CallCompleted e, CancellationToken ct)
    {
        var retellCallId = await db.Calls.Where(c => c.Id == e.CallRowId).Select(c => c.RetellCallId).FirstOrDefaultAsync(ct);
        // Through FindFreeSlots: the calendar's reservations for the call go with its holds.
        if (retellCallId is not null) await slots.ReleaseAsync(retellCallId, ct);
    }
}
