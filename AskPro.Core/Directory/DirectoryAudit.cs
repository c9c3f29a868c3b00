using AskPro.Core.Operations;

namespace AskPro.Core.Directory;

/// <summary>What the directory use cases share: their audit entry ("service.update" by
/// "portal:…") and the rule for text a person typed.</summary>
internal static class DirectoryAudit
{
    public static AuditEntry Of(string actor, string entityType, Guid? id, string verb, DateTime at) => new()
    {
        Actor = actor, Action = $"{entityType.ToLowerInvariant()}.{verb}", EntityType = entityType, EntityId = id?.ToString(), At = at,
    };

    public static AuditEntry Saved(string actor, string entityType, Guid? id, DateTime at) =>
        Of(actor, entityType, id, id is null ? "create" : "update", at);

    /// <summary>Trimmed, without control characters, at most <paramref name="max"/> long.</summary>
    /// <param name="missing">The sentence when it is required and empty ("Bitte einen Namen angeben.").</param>
    /// <param name="noun">The field as a subject ("Der Name").</param>
    public static FieldError? CheckText(string? value, string field, string noun, int max, string? missing = null)
    {
        var text = value?.Trim() ?? "";
        if (missing is not null && text.Length == 0) return new(field, missing);
        if (text.Length > max) return new(field, $"{noun} darf höchstens {max} Zeichen lang sein.");
        if (text.Any(char.IsControl)) return new(field, $"{noun} enthält unzulässige Zeichen.");
        return null;
    }
}
