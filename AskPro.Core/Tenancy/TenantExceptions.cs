namespace AskPro.Core.Tenancy;

/// <summary>Tenant data was touched without a tenant (and outside an explicit platform scope).
/// This is always a bug: failing loudly beats guessing a company.</summary>
public sealed class MissingTenantException()
    : InvalidOperationException("Tenant data was accessed without a tenant context.");

/// <summary>A write tried to change a row that belongs to another company.</summary>
public sealed class TenantViolationException(string entity)
    : InvalidOperationException($"A write to a {entity} of another company was refused.");
