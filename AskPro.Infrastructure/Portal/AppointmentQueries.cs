using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>One line of the appointments list: what people read, with the branch's zone so
/// the page shows times as the branch's clock does. Init properties (not a positional record) so
/// that filters and sorting after the projection still translate to SQL.</summary>
public sealed record AppointmentRow
{
    public Guid Id { get; init; }
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public string Customer { get; init; } = "";
    public string Service { get; init; } = "";
    public string Staff { get; init; } = "";
    public string Branch { get; init; } = "";
    public string TimeZoneId { get; init; } = "";
    public AppointmentStatus Status { get; init; }
    public AppointmentSource Source { get; init; }
}

public enum AppointmentSort { Start, Customer, Service, Staff, Status, Source }

/// <summary>What the appointments list asks for; every part becomes SQL.</summary>
public sealed record AppointmentQuery(PageRequest Page)
{
    public AppointmentSort Sort { get; init; } = AppointmentSort.Start;
    public bool Descending { get; init; } = true;
    public string? Customer { get; init; }
    public string? Service { get; init; }
    public string? Staff { get; init; }
    public AppointmentStatus? Status { get; init; }
}

public interface IAppointmentQueries
{
    Task<PageOf<AppointmentRow>> PageAsync(AppointmentQuery query, CancellationToken ct);
}

internal sealed class AppointmentQueries(IDbContextFactory<AskProDbContext> contexts) : IAppointmentQueries
{
    public async Task<PageOf<AppointmentRow>> PageAsync(AppointmentQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = Rows(db);
        if (query.Customer is { Length: > 0 } customer) rows = rows.Where(r => EF.Functions.Like(r.Customer.ToLower(), TextMatch.Contains(customer), TextMatch.Escape));
        if (query.Service is { Length: > 0 } service) rows = rows.Where(r => EF.Functions.Like(r.Service.ToLower(), TextMatch.Contains(service), TextMatch.Escape));
        if (query.Staff is { Length: > 0 } staff) rows = rows.Where(r => EF.Functions.Like(r.Staff.ToLower(), TextMatch.Contains(staff), TextMatch.Escape));
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);

        var ordered = query.Sort switch
        {
            AppointmentSort.Customer => rows.OrderBy(r => r.Customer, query.Descending),
            AppointmentSort.Service => rows.OrderBy(r => r.Service, query.Descending),
            AppointmentSort.Staff => rows.OrderBy(r => r.Staff, query.Descending),
            AppointmentSort.Status => rows.OrderBy(r => r.Status, query.Descending),
            AppointmentSort.Source => rows.OrderBy(r => r.Source, query.Descending),
            _ => rows.OrderBy(r => r.StartUtc, query.Descending),
        };
        return await ordered.ThenBy(r => r.Id).ToPageAsync(query.Page, ct);
    }

    /// <summary>The tenant's appointments as rows; still a query, so everything after it runs in SQL.</summary>
    internal static IQueryable<AppointmentRow> Rows(AskProDbContext db) =>
        from a in db.Appointments.AsNoTracking()
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
