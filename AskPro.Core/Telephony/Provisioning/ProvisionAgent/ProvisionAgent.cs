using AskPro.Core.Directory;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Telephony.Provisioning.ProvisionAgent;

/// <summary>What provisioning a branch's agent came to.</summary>
public abstract record ProvisioningOutcome
{
    /// <param name="Changed">False when the platform already had exactly this setup (nothing was sent).</param>
    public sealed record Provisioned(string LlmId, string AgentId, bool Changed) : ProvisioningOutcome;

    /// <summary>The platform refused or failed; <see cref="Message"/> is German, for the admin, with a retry.</summary>
    public sealed record Failed(PlatformError Error) : ProvisioningOutcome
    {
        public string Message => Error.German;
    }

    /// <summary>No such branch in this company.</summary>
    public sealed record NotFound : ProvisioningOutcome;
}

/// <summary>Creates or updates one branch's phone agent on the voice platform: one language
/// model (German prompt from <see cref="AgentScript"/>, the functions pointing at this
/// installation) and one agent speaking with it. Idempotent per branch: the platform's ids are
/// stored the moment they exist, so a retry after any failure reuses them and never creates a
/// second LLM or agent; an unchanged setup sends nothing.
/// When the agent cannot be created after the LLM was, the LLM is kept (not deleted): it is
/// recorded on the branch's row, the branch counts as not provisioned (going live is blocked),
/// and the retry updates and reuses it. Deleting it instead would need a second call that can
/// fail as well, and would leave the same half-state behind when it did.</summary>
public sealed class ProvisionAgent(ITenantDirectory directory, IVoiceAgentStore store, IVoiceAgentPlatform platform, AgentEndpoints endpoints, TimeProvider clock)
{
    public async Task<ProvisioningOutcome> RunAsync(Guid branchId, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Branch(branchId) is not { } branch) return new ProvisioningOutcome.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var setup = AgentScript.For(snapshot, branch, endpoints, DateOnly.FromDateTime(BranchClock.ToLocal(now, branch.TimeZoneId).DateTime));
        var fingerprint = AgentScript.Fingerprint(setup);
        var row = await store.GetOrAddAsync(branchId, ct);
        var current = row.ScriptFingerprint == fingerprint;
        var changed = false;

        if (row.LlmId is not null && !current)
        {
            var updated = await platform.UpdateLlmAsync(row.LlmId, setup, ct);
            if (updated.Error is { Failure: PlatformFailure.NotFound }) row.LlmId = null; // deleted on the platform's side: made anew below
            else if (!updated.Succeeded) return await FailAsync(row, updated.Error!, ct);
            else changed = true;
        }
        if (row.LlmId is null)
        {
            var created = await platform.CreateLlmAsync(setup, ct);
            if (!created.Succeeded) return await FailAsync(row, created.Error!, ct);
            row.LlmId = created.Value;
            row.ScriptFingerprint = "";
            changed = true;
            await SaveAsync(row, now, ct); // kept at once: whatever fails next, the retry reuses it
        }

        if (row.AgentId is not null && (changed || !current))
        {
            var updated = await platform.UpdateAgentAsync(row.AgentId, row.LlmId!, setup, ct);
            if (updated.Error is { Failure: PlatformFailure.NotFound }) row.AgentId = null;
            else if (!updated.Succeeded) return await FailAsync(row, updated.Error!, ct);
            else changed = true;
        }
        if (row.AgentId is null)
        {
            // An earlier create may have reached the platform and lost its answer (a timeout):
            // an agent on our LLM is ours (each LLM serves one branch), so it is adopted, not doubled.
            var existing = await platform.FindAgentAsync(row.LlmId!, ct);
            if (!existing.Succeeded) return await FailAsync(row, existing.Error!, ct);
            if (existing.Value is { } adopted)
            {
                row.AgentId = adopted;
                var updated = await platform.UpdateAgentAsync(adopted, row.LlmId!, setup, ct);
                if (!updated.Succeeded) return await FailAsync(row, updated.Error!, ct);
            }
        }
        if (row.AgentId is null)
        {
            var created = await platform.CreateAgentAsync(row.LlmId!, setup, ct);
            if (!created.Succeeded) return await FailAsync(row, created.Error!, ct);
            row.AgentId = created.Value;
            changed = true;
        }

        if (!changed && row.ProvisionedAt is not null && row.LastError is null) return new ProvisioningOutcome.Provisioned(row.LlmId!, row.AgentId!, false);
        row.ScriptFingerprint = fingerprint;
        row.ProvisionedAt ??= now;
        row.LastError = null;
        await SaveAsync(row, now, ct);
        return new ProvisioningOutcome.Provisioned(row.LlmId!, row.AgentId!, changed);
    }

    /// <summary>Brings every agent already provisioned in this company up to date (after a
    /// change of services, hours or the company's name). Creates none.</summary>
    public async Task<IReadOnlyList<ProvisioningOutcome>> SyncAsync(CancellationToken ct)
    {
        var outcomes = new List<ProvisioningOutcome>();
        foreach (var agent in (await store.ListAsync(ct)).Where(a => a.LlmId is not null))
            outcomes.Add(await RunAsync(agent.BranchId, ct));
        return outcomes;
    }

    private async Task<ProvisioningOutcome> FailAsync(VoiceAgent row, PlatformError error, CancellationToken ct)
    {
        row.LastError = error.German.Length > 1000 ? error.German[..1000] : error.German;
        await SaveAsync(row, clock.GetUtcNow().UtcDateTime, ct);
        return new ProvisioningOutcome.Failed(error);
    }

    private Task SaveAsync(VoiceAgent row, DateTime now, CancellationToken ct)
    {
        row.UpdatedAt = now;
        return store.SaveAsync(row, ct);
    }
}
