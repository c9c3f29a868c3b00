using AskPro.Core.Directory;
using AskPro.Core.Operations;

namespace AskPro.Core.Onboarding;

/// <summary>The current company as the wizard's first step edits it, and how far its admin got.</summary>
public sealed record CompanySetup(string Name, string Industry, string CountryCode, string TimeZoneId, string Language, CompanyStatus Status, string OnboardingStep);

/// <summary>Storage of the current tenant's company for onboarding (tenant-scoped, like the directory).</summary>
public interface IOnboardingStore
{
    Task<CompanySetup?> CurrentAsync(CancellationToken ct);

    /// <summary>Loads the current company, lets the use case change it (errors: nothing stored) and
    /// stores it with its audit entry in one transaction.</summary>
    Task<DirectoryOutcome> SaveCompanyAsync(Func<Company, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct);

    /// <summary>Stores the step reached (unaudited: it is a bookmark, not a setting).</summary>
    Task SetStepAsync(string step, CancellationToken ct);
}
