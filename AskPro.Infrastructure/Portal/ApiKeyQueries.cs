using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>A key as its page lists it: never the key itself, only its first characters.</summary>
public sealed record ApiKeyRow(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

public interface IApiKeyQueries
{
    Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct);
}

internal sealed class ApiKeyQueries(IDbContextFactory<AskProDbContext> contexts) : IApiKeyQueries
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt)).ToListAsync(ct);
    }
}
