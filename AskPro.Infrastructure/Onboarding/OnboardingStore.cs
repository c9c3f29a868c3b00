using AskPro.Core.Directory;
using AskPro.Core.Onboarding;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Onboarding;

/// <summary>The current company for the wizard, in a short-lived context each (safe in a
/// circuit). The tenant filter makes the current company the only one there is.</summary>
internal sealed class OnboardingStore(IDbContextFactory<AskProDbContext> contexts) : IOnboardingStore
{
    public async Task<CompanySetup?> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Companies.AsNoTracking()
            .Select(c => new CompanySetup(c.Name, c.Industry, c.CountryCode, c.TimeZoneId, c.Language, c.Status, c.OnboardingStep))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<DirectoryOutcome> SaveCompanyAsync(Func<Company, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var company = await db.Companies.FirstOrDefaultAsync(ct);
        if (company is null) return new DirectoryOutcome.NotFound();
        var errors = change(company);
        if (errors.Count > 0) return new DirectoryOutcome.Invalid(errors);
        audit.EntityId = company.Id.ToString();
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        return new DirectoryOutcome.Saved(company.Id);
    }

    public async Task SetStepAsync(string step, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var company = await db.Companies.FirstOrDefaultAsync(ct) ?? throw new Core.Tenancy.MissingTenantException();
        company.OnboardingStep = step;
        await db.SaveChangesAsync(ct);
    }
}
