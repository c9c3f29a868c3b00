using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/customers", ListAsync);
        v1.MapGet("/customers/{id}", GetAsync);
        return v1;
    }

    private static async Task<Results<Ok<ListPage<CustomerItem>>, ProblemHttpResult>> ListAsync(
        HttpRequest request, AskProDbContext db, string? phone, string? q, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size, "phone", "q") is { } problem) return problem;
        IQueryable<Customer> query = db.Customers.AsNoTracking();

        if (phone is not null)
        {
            // Any spelling a person would type, matched as E.164 in the company's country.
            var country = await db.Companies.Select(c => c.CountryCode).FirstAsync(ct);
            if (!E164Number.TryParse(phone, country, out var number)) return RestApi.Invalid("phone is not a valid phone number.");
            query = query.Where(c => c.Phone == number);
        }
        if (q is not null)
        {
            if (q.Length is 0 or > 100) return RestApi.Invalid("q must be 1 to 100 characters.");
            var pattern = TextMatch.Contains(q);
            query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, TextMatch.Escape));
        }

        query = query.OrderBy(c => c.Name).ThenBy(c => c.Id);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new ListPage<CustomerItem>(rows.Select(ToItem).ToList(), page, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CustomerItem>, ProblemHttpResult>> GetAsync(string id, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == guid, ct);
        return customer is null ? RestApi.Missing("customer") : TypedResults.Ok(ToItem(customer));
    }

    private static CustomerItem ToItem(Customer c) => new(c.Id.ToString(), c.Name, c.Phone?.Value, c.Email);
}
