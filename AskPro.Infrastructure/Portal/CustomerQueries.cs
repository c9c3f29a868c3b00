using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

public sealed record CustomerRow(Guid Id, string Name, E164Number? Phone, string? Email, DateTime CreatedAt);

public enum CustomerSort { Name, Email, Created }

/// <summary>The customer list's question. <see cref="Search"/> that reads as a phone number
/// (any spelling) matches the number as E.164; anything else matches names.</summary>
public sealed record CustomerQuery(PageRequest Page)
{
    public string? Search { get; init; }
    public CustomerSort Sort { get; init; } = CustomerSort.Name;
    public bool Descending { get; init; }
}

public interface ICustomerQueries
{
    Task<PageOf<CustomerRow>> PageAsync(CustomerQuery query, CancellationToken ct);
}

internal sealed class CustomerQueries(IDbContextFactory<AskProDbContext> contexts) : ICustomerQueries
{
    public async Task<PageOf<CustomerRow>> PageAsync(CustomerQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var customers = db.Customers.AsNoTracking();
        if (query.Search?.Trim() is { Length: > 0 } text)
        {
            var country = await db.Companies.Select(c => c.CountryCode).FirstAsync(ct);
            customers = E164Number.TryParse(text, country, out var number)
                ? customers.Where(c => c.Phone == number)
                : customers.Where(c => EF.Functions.Like(c.Name.ToLower(), TextMatch.Contains(text), TextMatch.Escape));
        }
        var ordered = query.Sort switch
        {
            CustomerSort.Email => customers.OrderBy(c => c.Email, query.Descending),
            CustomerSort.Created => customers.OrderBy(c => c.CreatedAt, query.Descending),
            _ => customers.OrderBy(c => c.Name, query.Descending),
        };
        return await ordered.ThenBy(c => c.Id).Select(c => new CustomerRow(c.Id, c.Name, c.Phone, c.Email, c.CreatedAt)).ToPageAsync(query.Page, ct);
    }
}
