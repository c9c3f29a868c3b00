using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.SuspendCompany;

/// <summary>A platform admin stops a company (unpaid, abuse, on request): its numbers are
/// answered with <see cref="CompanyLifecycle.NotLiveSentence"/> from the next call on, its
/// data stay. The reason is required and goes into the audit entry "company.suspend".</summary>
public sealed class SuspendCompany(ICompanyLifecycleStore store, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public Task<LifecycleOutcome> RunAsync(Guid companyId, string reason, string actor, CancellationToken ct)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Task.FromResult<LifecycleOutcome>(new LifecycleOutcome.NotAllowed("Bitte einen Grund für die Sperre angeben."));
        if (text.Length > MaxReasonLength || text.Any(char.IsControl))
            return Task.FromResult<LifecycleOutcome>(new LifecycleOutcome.NotAllowed($"Der Grund darf höchstens {MaxReasonLength} Zeichen lang sein und keine Steuerzeichen enthalten."));
        var now = clock.GetUtcNow().UtcDateTime;
        return store.ChangeAnyAsync(companyId, company =>
        {
            if (company.Status == CompanyStatus.Suspended) return "Der Betrieb ist bereits gesperrt.";
            company.Status = CompanyStatus.Suspended;
            return null;
        }, LifecycleAudit.Of(actor, "suspend", now, text), ct);
    }
}
