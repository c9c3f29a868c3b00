namespace AskPro.Core.Tenancy;

/// <summary>The one way to build a cache key for tenant data: the tenant is always part of it,
/// so two companies with identical services and times can never share a cached value.</summary>
public static class TenantCacheKey
{
    public static string For(ITenantContext context, string area, params string[] parts) =>
        For(context.RequireTenant(), area, parts);

    public static string For(TenantId tenant, string area, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        return parts.Length == 0
            ? $"askpro:t:{tenant.Value:N}:{area}"
            : $"askpro:t:{tenant.Value:N}:{area}:{string.Join(':', parts)}";
    }
}
