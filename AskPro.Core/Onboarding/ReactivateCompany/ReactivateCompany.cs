using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.ReactivateCompany;

/// <summary>A platform admin lifts a suspension: a company that had been live is live again,
/// one suspended during its onboarding returns to Draft (it still has to pass the validation
/// and go live itself). Audited "company.reactivate".</summary>
public sealed class ReactivateCompany(ICompanyLifecycleStore store, TimeProvider clock)
{
    public Task<LifecycleOutcome> RunAsync(Guid companyId, string actor, CancellationToken ct) =>
        store.ChangeAnyAsync(companyId, company =>
        {
            if (company.Status != CompanyStatus.Suspended) return "Der Betrieb ist nicht gesperrt.";
            company.Status = company.WentLiveAt is null ? CompanyStatus.Draft : CompanyStatus.Active;
            return null;
        }, LifecycleAudit.Of(actor, "reactivate", clock.GetUtcNow().UtcDateTime), ct);
}
