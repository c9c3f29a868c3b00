using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Customers;

internal sealed class CustomerStore(AskProDbContext db, Events.Outbox outbox) : ICustomerStore
{
    public Task<string> CompanyCountryAsync(CancellationToken ct) => db.Companies.Select(c => c.CountryCode).FirstAsync(ct);

    public Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, ct);

    public Task<Customer?> FindByEmailAsync(string email, CancellationToken ct) =>
        db.Customers.AsNoTracking().OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(c => c.Email == email, ct);

    public async Task<bool> TryAddAsync(Customer customer, string actor, CancellationToken ct)
    {
        db.Customers.Add(customer);
        outbox.Add(db, new Core.Events.CustomerRegistered(customer.Id) { OccurredAtUtc = customer.CreatedAt, Actor = actor });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
