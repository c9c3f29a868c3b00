using AskPro.Core.Operations;

namespace AskPro.Core.Access;

/// <summary>Storage side of the company's API keys (tenant-scoped). Each write stores the change
/// and its audit entry together, or neither.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, AuditEntry audit, CancellationToken ct);

    /// <summary>Marks the key revoked at <paramref name="at"/>; false when there is no such active key.</summary>
    Task<bool> RevokeAsync(Guid keyId, DateTime at, AuditEntry audit, CancellationToken ct);
}
