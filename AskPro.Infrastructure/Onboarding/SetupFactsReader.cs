using AskPro.Core.Directory;
using AskPro.Core.Onboarding.ValidateSetup;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Onboarding;

/// <summary>The directory as the phone agent sees it, plus which branches have a number and a
/// provisioned agent (tenant-filtered reads in a short-lived context).</summary>
internal sealed class SetupFactsReader(ITenantDirectory directory, IDbContextFactory<AskProDbContext> contexts) : ISetupFacts
{
    public async Task<SetupFacts> ReadAsync(CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var numbered = await db.PhoneNumbers.AsNoTracking().Select(p => p.BranchId).Distinct().ToListAsync(ct);
        var agents = await db.VoiceAgents.AsNoTracking().Where(a => a.LlmId != null && a.AgentId != null && a.ProvisionedAt != null)
            .Select(a => a.BranchId).ToListAsync(ct);
        return new SetupFacts(snapshot, numbered.ToHashSet(), agents.ToHashSet());
    }
}
