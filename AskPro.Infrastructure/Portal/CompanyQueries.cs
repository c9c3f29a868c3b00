using AskPro.Core.Directory;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>What every page needs to know about the company the user acts for.</summary>
public sealed record CompanyProfile(Guid Id, string Name, string TimeZoneId, string CountryCode);

/// <summary>A company as the platform's list shows it.</summary>
/// <param name="OnboardingStep">The wizard's step reached (SetupSteps key; empty: not started).</param>
public sealed record CompanyRow(Guid Id, string Name, string TenantKey, CompanyStatus Status, int Customers, string OnboardingStep = "");

public interface ICompanyQueries
{
    /// <summary>The signed-in company, or null when the user acts for none (a platform admin before choosing).</summary>
    Task<CompanyProfile?> CurrentAsync(CancellationToken ct);

    /// <summary>Every company (platform staff only).</summary>
    Task<IReadOnlyList<CompanyRow>> AllAsync(CancellationToken ct);

    /// <summary>The numbers the company's agent answers, in E.164.</summary>
    Task<IReadOnlyList<string>> AgentNumbersAsync(CancellationToken ct);
}

internal sealed class CompanyQueries(IDbContextFactory<AskProDbContext> contexts, Core.Tenancy.ITenantContext tenant, PlatformScope platform) : ICompanyQueries
{
    public async Task<CompanyProfile?> CurrentAsync(CancellationToken ct)
    {
        if (tenant.Tenant is null) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Companies.AsNoTracking().Select(c => new CompanyProfile(c.Id, c.Name, c.TimeZoneId, c.CountryCode)).FirstOrDefaultAsync(ct);
    }

    public Task<IReadOnlyList<CompanyRow>> AllAsync(CancellationToken ct) =>
        platform.ReadAsync<IReadOnlyList<CompanyRow>>("platform admin: companies page", async db =>
            await db.Companies.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new CompanyRow(c.Id, c.Name, c.TenantKey, c.Status, db.Customers.Count(x => x.CompanyId == c.Id), c.OnboardingStep))
                .ToListAsync(ct), ct);

    public async Task<IReadOnlyList<string>> AgentNumbersAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.PhoneNumbers.AsNoTracking().Select(p => p.Number).ToListAsync(ct)).Select(n => n.Value).Order().ToList();
    }
}
