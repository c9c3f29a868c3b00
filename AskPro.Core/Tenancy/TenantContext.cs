namespace AskPro.Core.Tenancy;

/// <summary>The tenant of the current unit of work (one HTTP request, one Blazor circuit, one
/// job run). Set once, at the edge; read by the data filters and the cache-key builder.</summary>
public interface ITenantContext
{
    /// <summary>The current company, or null when none is set.</summary>
    TenantId? Tenant { get; }

    /// <summary>True inside an explicit platform scope (jobs, platform admins): the tenant
    /// filters are off for this unit of work.</summary>
    bool IsPlatformScope { get; }

    /// <summary>Why the platform scope was entered, for the log.</summary>
    string? PlatformReason { get; }

    /// <summary>The current tenant, or <see cref="MissingTenantException"/>.</summary>
    TenantId RequireTenant() => Tenant ?? throw new MissingTenantException();
}

/// <summary>Mutable holder registered once per scope. Only edges (middleware, circuit handler,
/// job base, seeding) call the setters.</summary>
public sealed class TenantContext : ITenantContext
{
    public TenantId? Tenant { get; private set; }
    public bool IsPlatformScope { get; private set; }
    public string? PlatformReason { get; private set; }

    public void UseTenant(TenantId tenant)
    {
        Tenant = tenant;
        IsPlatformScope = false;
        PlatformReason = null;
    }

    /// <summary>Turns the tenant filters off for this scope. The reason is logged by the caller
    /// and shown in audit entries; keep it specific ("backup job", "platform admin: companies").</summary>
    public void EnterPlatformScope(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        IsPlatformScope = true;
        PlatformReason = reason;
    }

    public void Clear()
    {
        Tenant = null;
        IsPlatformScope = false;
        PlatformReason = null;
    }
}
