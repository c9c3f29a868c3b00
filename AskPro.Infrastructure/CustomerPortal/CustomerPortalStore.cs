using AskPro.Core.CustomerPortal;
using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.CustomerPortal;

/// <summary>The customer portal's storage, each call in its own short-lived context under the
/// company's query filters (the company of the link, set by <see cref="Portal.EngineCalls.RunForAsync{TUseCase,T}"/>).</summary>
internal sealed class CustomerPortalStore(IDbContextFactory<AskProDbContext> contexts) : ICustomerPortalStore
{
    public async Task<Customer?> FindByContactAsync(E164Number? phone, string? email, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var customers = db.Customers.AsNoTracking().OrderBy(c => c.CreatedAt);
        if (phone is not null) return await customers.FirstOrDefaultAsync(c => c.Phone == phone, ct);
        if (email is null) return null;
        var lower = email.ToLowerInvariant();
        return await customers.FirstOrDefaultAsync(c => c.Email != null && c.Email.ToLower() == lower, ct);
    }

    public async Task<Customer?> FindAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
    }

    public async Task<bool> OwnsAppointmentAsync(Guid customerId, Guid appointmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.CustomerId == customerId, ct);
    }

    public async Task AddLinkAsync(CustomerSignInLink link, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.CustomerSignInLinks.Add(link);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CustomerSignInLink?> UseLinkAsync(string tokenHash, DateTime nowUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One statement decides: of two requests with the same link, only one updates the row.
        var used = await db.CustomerSignInLinks
            .Where(l => l.TokenHash == tokenHash && l.UsedAtUtc == null && l.ExpiresAtUtc > nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAtUtc, nowUtc), ct);
        return used == 1 ? await db.CustomerSignInLinks.AsNoTracking().FirstAsync(l => l.TokenHash == tokenHash, ct) : null;
    }

    public async Task SaveAsync(Customer customer, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Customers.Update(customer);
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
    }
}
