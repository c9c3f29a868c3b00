using AskPro.Core.Telephony.Provisioning;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony.Retell;

/// <summary>The current tenant's agent rows, each read or write in its own short-lived context.</summary>
internal sealed class VoiceAgentStore(IDbContextFactory<AskProDbContext> contexts) : IVoiceAgentStore
{
    public async Task<VoiceAgent?> FindAsync(Guid branchId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.VoiceAgents.AsNoTracking().FirstOrDefaultAsync(a => a.BranchId == branchId, ct);
    }

    public async Task<VoiceAgent> GetOrAddAsync(Guid branchId, CancellationToken ct)
    {
        if (await FindAsync(branchId, ct) is { } existing) return existing;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = db.VoiceAgents.Add(new VoiceAgent { BranchId = branchId }).Entity;
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException)
        {
            // Another run added the branch's row first (unique index on BranchId): take that one.
            return await FindAsync(branchId, ct) ?? throw new InvalidOperationException("The branch's agent row vanished.");
        }
    }

    public async Task SaveAsync(VoiceAgent agent, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.VoiceAgents.Update(agent);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<VoiceAgent>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.VoiceAgents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
    }
}
