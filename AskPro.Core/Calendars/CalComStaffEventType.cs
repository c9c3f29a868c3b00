using AskPro.Core.Shared;

namespace AskPro.Core.Calendars;

/// <summary>Which Cal.com event type a staff member's service is booked as, when it is not the
/// service's own (<see cref="Directory.Service.CalComEventTypeId"/>): e.g. each stylist has
/// their own "Herrenhaarschnitt" event type in Cal.com. One per (staff member, service).</summary>
public sealed class CalComStaffEventType : TenantEntity
{
    public Guid StaffId { get; set; }
    public Guid ServiceId { get; set; }
    public int EventTypeId { get; set; }
}
