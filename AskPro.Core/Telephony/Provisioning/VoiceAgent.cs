using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.Provisioning;

/// <summary>A branch's phone agent on the voice platform: its language model (prompt and
/// functions) and the agent that speaks with it. One per branch; the ids are kept as soon as the
/// platform gave them, so a retry after a failure reuses them instead of creating duplicates.</summary>
public sealed class VoiceAgent : TenantEntity
{
    public Guid BranchId { get; set; }

    /// <summary>The platform's id of the language model (prompt, functions); null until created.</summary>
    public string? LlmId { get; set; }

    /// <summary>The platform's id of the agent (voice, language, webhook); null until created.</summary>
    public string? AgentId { get; set; }

    /// <summary>A hash of the script and settings last pushed: a change of the company's data that
    /// does not change the script sends nothing.</summary>
    public string ScriptFingerprint { get; set; } = "";

    /// <summary>Set once LLM and agent both exist with the current script.</summary>
    public DateTime? ProvisionedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The last failure, in German, for the wizard (null after a success).</summary>
    public string? LastError { get; set; }

    public bool IsProvisioned => LlmId is not null && AgentId is not null && ProvisionedAt is not null;
}
