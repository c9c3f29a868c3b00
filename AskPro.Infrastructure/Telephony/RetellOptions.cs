using System.ComponentModel.DataAnnotations;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Section "Retell". The API key signs every webhook and function call; it is a
/// secret (user secrets or environment in production, never logged).</summary>
public sealed class RetellOptions
{
    public const string Section = "Retell";

    [Required, MinLength(8)] public string ApiKey { get; set; } = "";

    /// <summary>Replay window for signatures.</summary>
    public int MaxSignatureAgeSeconds { get; set; } = 300;

    /// <summary>Where agent provisioning sends Retell API calls (the fake Retell in the demo and tests).</summary>
    [Required, Url] public string ApiBaseUrl { get; set; } = "https://api.retellai.com";

    /// <summary>The voice of every agent (a Retell voice id; German comes from the language de-DE).</summary>
    [Required] public string VoiceId { get; set; } = "11labs-Adrian";

    /// <summary>How long one agent function call may take before the agent hears the fallback
    /// sentence instead: the caller is waiting on the line (and Retell gives up on its own).</summary>
    [Range(1, 60)] public int FunctionBudgetSeconds { get; set; } = 8;

    /// <summary>Per request to Retell's API, and for a whole call with its retries.</summary>
    [Range(1, 120)] public int AttemptTimeoutSeconds { get; set; } = 10;
    [Range(1, 300)] public int TotalTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of updates and deletes after a transient failure (creates are never sent twice).</summary>
    [Range(0, 5)] public int MaxRetries { get; set; } = 2;
}
