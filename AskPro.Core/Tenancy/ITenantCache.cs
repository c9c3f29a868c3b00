namespace AskPro.Core.Tenancy;

/// <summary>A small string cache for tenant data (availability, provider look-ups). Keys are
/// built inside from the current tenant, so callers cannot forget it; each tenant's entries
/// can be dropped at once when its data changes.</summary>
public interface ITenantCache
{
    Task<string?> GetAsync(string area, string key, CancellationToken ct);
    Task SetAsync(string area, string key, string value, TimeSpan ttl, CancellationToken ct);

    /// <summary>Drops every entry of the current tenant in <paramref name="area"/>.</summary>
    Task InvalidateAsync(string area, CancellationToken ct);
}
