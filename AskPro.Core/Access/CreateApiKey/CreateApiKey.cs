using AskPro.Core.Operations;

namespace AskPro.Core.Access.CreateApiKey;

public abstract record CreateApiKeyOutcome
{
    /// <summary>The key in clear: shown once, never stored.</summary>
    public sealed record Created(Guid Id, string Secret) : CreateApiKeyOutcome;

    public sealed record InvalidName(string Reason) : CreateApiKeyOutcome;
}

/// <summary>A company admin creates a key for the REST API: only its hash is stored, and the
/// creation is audited.</summary>
public sealed class CreateApiKey(IApiKeyStore store, TimeProvider clock)
{
    public const int MaxNameLength = 80;

    public async Task<CreateApiKeyOutcome> RunAsync(string name, string actor, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0) return new CreateApiKeyOutcome.InvalidName("Bitte eine Bezeichnung angeben.");
        if (name.Length > MaxNameLength || name.Any(char.IsControl))
            return new CreateApiKeyOutcome.InvalidName($"Die Bezeichnung darf höchstens {MaxNameLength} Zeichen lang sein und keine Steuerzeichen enthalten.");

        var secret = ApiKey.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey { Name = name, Prefix = secret[..8], Hash = ApiKey.HashOf(secret), CreatedAt = now };
        await store.AddAsync(key, ApiKeyAudit.Of(actor, "api-key.create", key.Id, now), ct);
        return new CreateApiKeyOutcome.Created(key.Id, secret);
    }
}
