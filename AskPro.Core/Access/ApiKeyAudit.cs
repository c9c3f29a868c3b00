using AskPro.Core.Operations;

namespace AskPro.Core.Access;

internal static class ApiKeyAudit
{
    public static AuditEntry Of(string actor, string action, Guid keyId, DateTime at) =>
        new() { Actor = actor, Action = action, EntityType = nameof(ApiKey), EntityId = keyId.ToString(), At = at };
}
