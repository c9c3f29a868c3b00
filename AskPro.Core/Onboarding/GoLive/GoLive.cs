using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.GoLive;

/// <summary>The company admin switches a Draft company live: from then on callers to its
/// numbers are served. Refused while <see cref="ValidateSetup.ValidateSetup"/> finds a blocking
/// problem (checked here again, never taken on the page's word), for a company already live,
/// and for a suspended one (only the platform lifts a suspension). Audited "company.go-live".</summary>
public sealed class GoLive(ValidateSetup.ValidateSetup validate, ICompanyLifecycleStore store, TimeProvider clock)
{
    public async Task<LifecycleOutcome> RunAsync(string actor, CancellationToken ct)
    {
        var validation = await validate.RunAsync(ct);
        if (!validation.CanGoLive) return new LifecycleOutcome.NotReady(validation);
        var now = clock.GetUtcNow().UtcDateTime;
        return await store.ChangeOwnAsync(company =>
        {
            switch (company.Status)
            {
                case CompanyStatus.Active: return "Der Betrieb ist bereits freigeschaltet.";
                case CompanyStatus.Suspended: return "Der Betrieb ist gesperrt. Bitte wenden Sie sich an den AskPro-Support.";
            }
            company.Status = CompanyStatus.Active;
            company.WentLiveAt ??= now;
            return null;
        }, LifecycleAudit.Of(actor, "go-live", now), ct);
    }
}
