namespace AskPro.Core.Access.RevokeApiKey;

/// <summary>A company admin revokes a key: from then on it authenticates nothing. Audited.</summary>
public sealed class RevokeApiKey(IApiKeyStore store, TimeProvider clock)
{
    /// <returns>False when the key does not exist for this company or is already revoked.</returns>
    public Task<bool> RunAsync(Guid keyId, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return store.RevokeAsync(keyId, now, ApiKeyAudit.Of(actor, "api-key.revoke", keyId, now), ct);
    }
}
