namespace AskPro.Core.Telephony.Provisioning;

/// <summary>The current tenant's <see cref="VoiceAgent"/> rows (one per branch, unique in the database).</summary>
public interface IVoiceAgentStore
{
    Task<VoiceAgent?> FindAsync(Guid branchId, CancellationToken ct);

    /// <summary>The branch's row, created empty when there is none (two at once: both get the one row).</summary>
    Task<VoiceAgent> GetOrAddAsync(Guid branchId, CancellationToken ct);

    Task SaveAsync(VoiceAgent agent, CancellationToken ct);

    Task<IReadOnlyList<VoiceAgent>> ListAsync(CancellationToken ct);
}

/// <summary>Where this installation is reached from the voice platform, and which voice speaks.</summary>
public sealed record AgentEndpoints(Uri FunctionsUrl, Uri WebhookUrl, string VoiceId, string Language = "de-DE");
