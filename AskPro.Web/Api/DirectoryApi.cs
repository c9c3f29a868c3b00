using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

public static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/branches", ListBranchesAsync);
        v1.MapGet("/services", ListServicesAsync);
        v1.MapGet("/staff", ListStaffAsync);
        v1.MapGet("/branches/{id}", async (string id, AskProDbContext db, CancellationToken ct) =>
            await OneAsync(id, "branch", db.Branches.AsNoTracking(), b => new BranchItem(b.Id.ToString(), b.Name, b.Phone?.Value, b.TimeZoneId, b.City), ct));
        v1.MapGet("/services/{id}", async (string id, AskProDbContext db, CancellationToken ct) =>
            await OneAsync(id, "service", db.Services.AsNoTracking(), s => new ServiceItem(s.Id.ToString(), s.Name, s.DurationMinutes, s.Price.Cents, s.BufferMinutes, s.Active), ct));
        v1.MapGet("/staff/{id}", async (string id, AskProDbContext db, CancellationToken ct) =>
            await OneAsync(id, "staff member", db.Staff.AsNoTracking(), s => new StaffItem(s.Id.ToString(), s.Name, s.BranchId.ToString(), s.Active), ct));
        return v1;
    }

    /// <summary>One record by id: 400 for what is no id, 404 for an unknown one (another company's included: the tenant filter hides it).</summary>
    private static async Task<Results<Ok<TItem>, ProblemHttpResult>> OneAsync<TEntity, TItem>(string id, string what, IQueryable<TEntity> rows, Func<TEntity, TItem> item,
        CancellationToken ct) where TEntity : Core.Shared.Entity
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        return await rows.FirstOrDefaultAsync(r => r.Id == guid, ct) is { } found ? TypedResults.Ok(item(found)) : RestApi.Missing(what);
    }

    private static async Task<Results<Ok<ListPage<BranchItem>>, ProblemHttpResult>> ListBranchesAsync(HttpRequest request, AskProDbContext db, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size) is { } problem) return problem;
        var query = db.Branches.AsNoTracking().OrderBy(b => b.Name);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(b => new BranchItem(b.Id.ToString(), b.Name, b.Phone?.Value, b.TimeZoneId, b.City)).ToList();
        return TypedResults.Ok(new ListPage<BranchItem>(items, page, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<ListPage<ServiceItem>>, ProblemHttpResult>> ListServicesAsync(HttpRequest request, AskProDbContext db, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size) is { } problem) return problem;
        var query = db.Services.AsNoTracking().OrderBy(s => s.Name);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(s => new ServiceItem(s.Id.ToString(), s.Name, s.DurationMinutes, s.Price.Cents, s.BufferMinutes, s.Active)).ToList();
        return TypedResults.Ok(new ListPage<ServiceItem>(items, page, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<ListPage<StaffItem>>, ProblemHttpResult>> ListStaffAsync(HttpRequest request, AskProDbContext db, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size) is { } problem) return problem;
        var query = db.Staff.AsNoTracking().OrderBy(s => s.Name);
        var items = await query.Skip((page - 1) * size).Take(size)
            .Select(s => new StaffItem(s.Id.ToString(), s.Name, s.BranchId.ToString(), s.Active))
            .ToListAsync(ct);
        return TypedResults.Ok(new ListPage<StaffItem>(items, page, size, await query.CountAsync(ct)));
    }
}
