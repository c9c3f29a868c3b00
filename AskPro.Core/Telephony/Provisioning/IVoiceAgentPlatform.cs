using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.Provisioning;

/// <summary>A parameter of an agent function, as the language model is told about it.</summary>
public sealed record FunctionParameter(string Name, string Type, string Description, bool Required = false);

/// <summary>A function the agent may call mid-call (answered by /api/retell/functions).</summary>
public sealed record AgentFunctionSpec(string Name, string Description, IReadOnlyList<FunctionParameter> Parameters);

/// <summary>Everything the voice platform needs for one branch's agent, in our words.</summary>
public sealed record AgentSetup(
    string AgentName,
    string Prompt,
    string BeginMessage,
    IReadOnlyList<AgentFunctionSpec> Functions,
    Uri FunctionsUrl,
    Uri WebhookUrl,
    string VoiceId,
    string Language);

public enum PlatformFailure { Unauthorized, Rejected, NotFound, Conflict, RateLimited, Unavailable, Timeout }

/// <summary>A failed call to the voice platform: the kind, what the platform said (never shown
/// alone: it is English and technical), and the German sentence for the company admin.</summary>
public sealed record PlatformError(PlatformFailure Failure, string? Detail = null)
{
    public string German => Failure switch
    {
        PlatformFailure.Unauthorized => "Der Telefonanbieter (Retell) hat den API-Schlüssel dieser Installation abgelehnt. Bitte wenden Sie sich an den AskPro-Support.",
        PlatformFailure.Rejected => "Der Telefonanbieter hat die Einrichtung abgelehnt" + (Detail is { Length: > 0 } d ? $" (Meldung des Anbieters: „{d}“)." : "."),
        PlatformFailure.NotFound => "Der Telefonanbieter kennt diesen Eintrag nicht (mehr).",
        PlatformFailure.Conflict => "Diese Rufnummer ist beim Telefonanbieter bereits eingerichtet.",
        PlatformFailure.RateLimited => "Zu viele Anfragen an den Telefonanbieter. Bitte in einer Minute erneut versuchen.",
        PlatformFailure.Timeout => "Der Telefonanbieter hat nicht rechtzeitig geantwortet. Bitte erneut versuchen.",
        _ => "Der Telefonanbieter ist gerade nicht erreichbar. Bitte später erneut versuchen.",
    };
}

/// <summary>The answer of the voice platform: a value, or an error.</summary>
public sealed record PlatformResult<T>(T? Value, PlatformError? Error)
{
    public bool Succeeded => Error is null;
    public static PlatformResult<T> Ok(T value) => new(value, null);
    public static PlatformResult<T> Fail(PlatformError error) => new(default, error);
}

/// <summary>A number bought or imported on the voice platform, as it stored it.</summary>
public sealed record PlatformNumber(E164Number Number);

/// <summary>The voice platform (Retell) as provisioning uses it. Implemented by one adapter,
/// the only code that knows the platform's field names.</summary>
public interface IVoiceAgentPlatform
{
    /// <summary>Creates the language model (prompt, first sentence, functions); its id.</summary>
    Task<PlatformResult<string>> CreateLlmAsync(AgentSetup setup, CancellationToken ct);

    Task<PlatformResult<bool>> UpdateLlmAsync(string llmId, AgentSetup setup, CancellationToken ct);

    Task<PlatformResult<bool>> DeleteLlmAsync(string llmId, CancellationToken ct);

    /// <summary>Creates the agent that speaks with the language model (voice, language, webhook); its id.</summary>
    Task<PlatformResult<string>> CreateAgentAsync(string llmId, AgentSetup setup, CancellationToken ct);

    Task<PlatformResult<bool>> UpdateAgentAsync(string agentId, string llmId, AgentSetup setup, CancellationToken ct);

    /// <summary>The agent that speaks with this language model, if the platform has one (one
    /// whose creation timed out after the platform had made it); null when none.</summary>
    Task<PlatformResult<string?>> FindAgentAsync(string llmId, CancellationToken ct);

    /// <summary>Brings the company's own number over SIP and binds it to the agent; its
    /// call_inbound goes to <paramref name="inboundWebhookUrl"/>.</summary>
    Task<PlatformResult<PlatformNumber>> ImportNumberAsync(NumberImport number, string agentId, Uri inboundWebhookUrl, CancellationToken ct);

    /// <summary>Binds a number the platform already has to the agent (a number left there by an
    /// import whose answer was lost).</summary>
    Task<PlatformResult<bool>> BindNumberAsync(E164Number number, string agentId, Uri inboundWebhookUrl, CancellationToken ct);

    /// <summary>Buys a number for an area code and binds it to the agent.</summary>
    Task<PlatformResult<PlatformNumber>> BuyNumberAsync(int areaCode, string nickname, string agentId, Uri inboundWebhookUrl, CancellationToken ct);
}

/// <summary>A number the company brings: where the platform sends its calls out (the carrier's
/// SIP trunk) and, if the trunk wants them, credentials (passed on, never stored).</summary>
public sealed record NumberImport(E164Number Number, string TerminationUri, string? SipUser, string? SipPassword, string Nickname);
