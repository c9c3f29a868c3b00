using AskPro.Core.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Events.Subscribers;

/// <summary>A call that booked an appointment points to it and to its customer (the call list
/// and call page show them). Off the request path: the caller is not kept waiting for it.</summary>
public sealed class CallLinks(AskProDbContext db) : IEventSubscriber<AppointmentBooked>
{
    public async Task HandleAsync(AppointmentBooked e, CancellationToken ct)
    {
        if (e.CallId is not { } callId || await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return;
        call.CustomerId ??= e.CustomerId;
        call.AppointmentId = e.AppointmentId;
    }
}
