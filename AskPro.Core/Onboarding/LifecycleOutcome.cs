using AskPro.Core.Directory;
using AskPro.Core.Onboarding.ValidateSetup;
using AskPro.Core.Operations;

namespace AskPro.Core.Onboarding;

/// <summary>What a change of a company's status came to. Only <see cref="Changed"/> changed anything.</summary>
public abstract record LifecycleOutcome
{
    public sealed record Changed(CompanyStatus Status) : LifecycleOutcome;

    /// <summary>The setup has blocking problems (go live only).</summary>
    public sealed record NotReady(SetupValidation Validation) : LifecycleOutcome;

    /// <summary>Not from the company's current status (already live, suspended, …), in German.</summary>
    public sealed record NotAllowed(string Message) : LifecycleOutcome;

    public sealed record NotFound : LifecycleOutcome;
}

/// <summary>Storage side of the lifecycle: loads the company, lets the use case change it (a
/// returned sentence refuses, and nothing is stored), stores it with its audit entry in one
/// transaction (the entry gets the company's id). The change drops the directory snapshot, so
/// the phone path sees the new status at once.</summary>
public interface ICompanyLifecycleStore
{
    /// <summary>The current tenant's company.</summary>
    Task<LifecycleOutcome> ChangeOwnAsync(Func<Company, string?> change, AuditEntry audit, CancellationToken ct);

    /// <summary>Any company, in an explicit platform scope (platform admins).</summary>
    Task<LifecycleOutcome> ChangeAnyAsync(Guid companyId, Func<Company, string?> change, AuditEntry audit, CancellationToken ct);
}

internal static class LifecycleAudit
{
    public static AuditEntry Of(string actor, string verb, DateTime at, string details = "") =>
        new() { Actor = actor, Action = "company." + verb, EntityType = nameof(Company), At = at, Details = details };
}
