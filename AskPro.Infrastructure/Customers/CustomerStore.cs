using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Customers;

internal sealed class CustomerStore(AskProDbContext db) : ICustomerStore
{
    public Task<string> CompanyCountryAsync(CancellationToken ct) => db.Companies.Select(c => c.CountryCode).FirstAsync(ct);

    public Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, ct);

    public async Task AddAsync(Customer customer, CancellationToken ct)
    {
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
    }
}
