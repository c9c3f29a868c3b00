using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;

namespace AskPro.Web.Components.Pages.Appointments;

/// <summary>One line of the appointments grid: what people read, with the branch's zone so
/// times are shown as the branch's clock shows them.</summary>
public sealed class AppointmentRow
{
    public Guid Id { get; init; }
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public string Customer { get; init; } = "";
    public string Service { get; init; } = "";
    public string Staff { get; init; } = "";
    public string Branch { get; init; } = "";
    public string TimeZoneId { get; init; } = "Europe/Berlin";
    public AppointmentStatus Status { get; init; }
    public AppointmentSource Source { get; init; }

    public DateTimeOffset Start => BranchClock.ToLocal(StartUtc, TimeZoneId);
    public DateTimeOffset End => BranchClock.ToLocal(EndUtc, TimeZoneId);

    /// <summary>The tenant's appointments as rows; still a query, so paging, sorting and
    /// filtering run in the database.</summary>
    public static IQueryable<AppointmentRow> Query(AskProDbContext db) =>
        from a in db.Appointments
        join c in db.Customers on a.CustomerId equals c.Id
        join s in db.Services on a.ServiceId equals s.Id
        join st in db.Staff on a.StaffId equals st.Id
        join b in db.Branches on a.BranchId equals b.Id
        select new AppointmentRow
        {
            Id = a.Id, StartUtc = a.StartUtc, EndUtc = a.EndUtc, Customer = c.Name, Service = s.Name, Staff = st.Name,
            Branch = b.Name, TimeZoneId = b.TimeZoneId, Status = a.Status, Source = a.Source,
        };
}
