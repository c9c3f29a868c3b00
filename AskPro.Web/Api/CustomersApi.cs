using System.Security.Claims;
using AskPro.Core.Customers;
using AskPro.Core.Customers.AddCustomer;
using AskPro.Core.Customers.EditCustomer;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

/// <summary>POST and PATCH body (CONTRACTS.md): the phone in any spelling a person would type.</summary>
public sealed record CustomerBody(string? Name, string? Phone, string? Email, string? Notes);

public static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/customers", ListAsync);
        v1.MapGet("/customers/{id}", GetAsync);
        v1.MapPost("/customers", CreateAsync).WithExamples(new CustomerBody("Lena Müller", "0151 1234 5678", "lena@example.org", "Kommt gern vormittags"),
            (201, ApiExamples.Customer),
            (409, ApiExamples.Problem(409, "Customer exists", "This number belongs to another customer of the company.", new { customerId = ApiExamples.CustomerId, field = "phone" })),
            (400, ApiExamples.Problem(400, "Invalid request", "Das ist keine gültige E-Mail-Adresse.", new { field = "email" })));
        v1.MapPatch("/customers/{id}", EditAsync).WithExamples(new CustomerBody(null, null, "lena.mueller@example.org", null),
            (200, ApiExamples.Customer with { Email = "lena.mueller@example.org" }),
            (409, ApiExamples.Problem(409, "Customer exists", "This number belongs to another customer of the company.", new { field = "phone" })));
        return v1;
    }

    /// <summary>Creates a customer by the one customer rule set. A number (or address) the company
    /// already has is not a new customer: 409 with the id of the one who has it, nothing changed.</summary>
    private static async Task<Results<Created<CustomerItem>, ProblemHttpResult>> CreateAsync(
        CustomerBody body, ClaimsPrincipal user, AddCustomer add, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name)) return RestApi.Invalid("name is required.");
        if (body.Notes is { Length: > Customer.MaxNotesLength }) return RestApi.Invalid($"notes is longer than {Customer.MaxNotesLength} characters.");
        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "api";
        return await add.RunAsync(new CustomerContact(body.Name, body.Phone, body.Email, body.Notes ?? "", Actor: actor), actor, ct) switch
        {
            CustomerOutcome.Created created => TypedResults.Created($"/api/v1/customers/{created.Customer.Id}", ToItem(created.Customer)),
            CustomerOutcome.Found found => TypedResults.Problem(
                found.By == CustomerMatch.Phone ? "This number belongs to another customer of the company." : "This e-mail address belongs to another customer of the company.",
                statusCode: StatusCodes.Status409Conflict, title: "Customer exists",
                extensions: new Dictionary<string, object?> { ["customerId"] = found.Customer.Id.ToString(), ["field"] = found.By == CustomerMatch.Phone ? "phone" : "email" }),
            CustomerOutcome.Invalid invalid => TypedResults.Problem(invalid.Reason, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["field"] = invalid.Field }),
            _ => RestApi.Invalid("name is required."),
        };
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

    /// <summary>Changes what the body names (absent fields stay as they are) by the same rules as
    /// the portal's edit; another customer's number is 409, nothing changed.</summary>
    private static async Task<Results<Ok<CustomerItem>, ProblemHttpResult>> EditAsync(
        string id, CustomerBody body, ClaimsPrincipal user, EditCustomer edit, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        if (body.Name is null && body.Phone is null && body.Email is null && body.Notes is null) return RestApi.Invalid("Give at least one of name, phone, email, notes.");
        if (await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == guid, ct) is not { } current) return RestApi.Missing("customer");
        var changes = new CustomerChanges(body.Name ?? current.Name, body.Phone ?? current.Phone?.Value, body.Email ?? current.Email, body.Notes ?? current.Notes, current.Language);
        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "api";
        switch (await edit.RunAsync(guid, changes, actor, ct))
        {
            case EditOutcome.Saved:
                var saved = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == guid, ct);
                return TypedResults.Ok(ToItem(saved));
            case EditOutcome.PhoneTaken:
                return TypedResults.Problem("This number belongs to another customer of the company.", statusCode: StatusCodes.Status409Conflict, title: "Customer exists",
                    extensions: new Dictionary<string, object?> { ["field"] = "phone" });
            case EditOutcome.Invalid invalid:
                return TypedResults.Problem(invalid.Reason, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                    extensions: new Dictionary<string, object?> { ["field"] = invalid.Field });
            default:
                return RestApi.Missing("customer");
        }
    }

    private static async Task<Results<Ok<CustomerItem>, ProblemHttpResult>> GetAsync(string id, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == guid, ct);
        return customer is null ? RestApi.Missing("customer") : TypedResults.Ok(ToItem(customer));
    }

    private static CustomerItem ToItem(Customer c) => new(c.Id.ToString(), c.Name, c.Phone?.Value, c.Email);
}
