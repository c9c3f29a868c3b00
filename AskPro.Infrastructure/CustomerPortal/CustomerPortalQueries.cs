using AskPro.Infrastructure.Customers;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.CustomerPortal;

/// <summary>The customer portal's reads: one customer's own data, under the company's query
/// filters; every appointment read names the customer, so another person's id finds nothing.</summary>
public sealed class CustomerPortalQueries(IDbContextFactory<AskProDbContext> contexts)
{
    public async Task<PortalView?> ViewAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var customer = await SignedInAsync(db, customerId, ct);
        if (customer is null) return null;
        var appointments = await ReadAsync(db, customerId, null, ct);
        return new PortalView(new PortalCustomer(customer.Id, customer.Name, customer.Email, customer.Phone?.Value, customer.NoReminders,
            customer.OptedOutOfEmail, customer.OptedOutOfSms, customer.Language), appointments);
    }

    public async Task<PortalAppointment?> AppointmentAsync(Guid customerId, Guid appointmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await SignedInAsync(db, customerId, ct) is null) return null;
        return (await ReadAsync(db, customerId, appointmentId, ct)).FirstOrDefault();
    }

    /// <summary>The customer, unless erased: an erased customer has neither number nor address,
    /// and a session of theirs sees nothing any more.</summary>
    private static async Task<Core.Customers.Customer?> SignedInAsync(AskProDbContext db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
        return customer is null || (customer.Phone is null && customer.Email is null) || customer.Name == CustomerDataStore.ErasedName ? null : customer;
    }

    /// <summary>The customer's appointments (or the one asked for), newest first, at most the last 200.</summary>
    private static async Task<IReadOnlyList<PortalAppointment>> ReadAsync(AskProDbContext db, Guid customerId, Guid? appointmentId, CancellationToken ct)
    {
        var rows = await (
            from a in db.Appointments.AsNoTracking()
            where a.CustomerId == customerId && (appointmentId == null || a.Id == appointmentId)
            join s in db.Services on a.ServiceId equals s.Id
            join m in db.Staff on a.StaffId equals m.Id
            join b in db.Branches on a.BranchId equals b.Id
            orderby a.StartUtc descending
            select new { a, Service = s.Name, s.CancellationNoticeHours, Staff = m.Name, Branch = b }).Take(200).ToListAsync(ct);
        return rows.Select(r => new PortalAppointment(r.a.Id, r.a.StartUtc, r.a.EndUtc, r.a.Status, r.a.BranchId, r.a.ServiceId, r.a.StaffId,
            r.Service, r.Staff, r.Branch.Name, MessageComposer.AddressOf(r.Branch), r.Branch.TimeZoneId, r.CancellationNoticeHours, r.a.UpdatedAt)).ToList();
    }
}
