using AskPro.Core.Access;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The one EF Core model. Provider-specific subclasses exist only so each provider has
/// its own migration set; all code depends on this type.</summary>
/// <remarks>Contexts are pooled (building one was ~12 % of a phone function's CPU): a leased
/// context gets its scope's tenant from <see cref="PooledContexts"/> and loses it when it goes
/// back, so a context never answers with a previous lease's tenant.</remarks>
public abstract partial class AskProDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private ITenantContext tenant = NoTenant.Instance;

    protected AskProDbContext(DbContextOptions options) : base(options) { }

    protected AskProDbContext(DbContextOptions options, ITenantContext tenant) : base(options) => this.tenant = tenant;

    public ITenantContext TenantContext => tenant;

    /// <summary>Binds a context fresh from the pool to its scope's tenant.</summary>
    internal void LeaseFor(ITenantContext scope) => tenant = scope;

    public override void Dispose()
    {
        // Before the base call: that one hands the context back to the pool, where another
        // lease may already take it.
        tenant = NoTenant.Instance;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        tenant = NoTenant.Instance;
        return base.DisposeAsync();
    }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Branch> Branches => Set<Branch>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<SlotClaim> SlotClaims => Set<SlotClaim>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<FunctionInvocation> FunctionInvocations => Set<FunctionInvocation>();
    public DbSet<SlotHold> SlotHolds => Set<SlotHold>();
    public DbSet<CallbackRequest> CallbackRequests => Set<CallbackRequest>();
    public DbSet<Core.Telephony.Provisioning.VoiceAgent> VoiceAgents => Set<Core.Telephony.Provisioning.VoiceAgent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Core.Calendars.CalComSettings> CalComSettings => Set<Core.Calendars.CalComSettings>();
    public DbSet<Core.Calendars.CalComStaffEventType> CalComStaffEventTypes => Set<Core.Calendars.CalComStaffEventType>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Core.Webhooks.InboxItem> Inbox => Set<Core.Webhooks.InboxItem>();
    public DbSet<Events.OutboxMessage> Outbox => Set<Events.OutboxMessage>();
    public DbSet<Core.Notifications.CustomerMessage> CustomerMessages => Set<Core.Notifications.CustomerMessage>();
    public DbSet<Core.Notifications.MessageTemplate> MessageTemplates => Set<Core.Notifications.MessageTemplate>();
    public DbSet<Core.Waitlist.WaitlistEntry> WaitlistEntries => Set<Core.Waitlist.WaitlistEntry>();
    public DbSet<Core.Waitlist.WaitlistOffer> WaitlistOffers => Set<Core.Waitlist.WaitlistOffer>();
    public DbSet<Core.CustomerPortal.CustomerSignInLink> CustomerSignInLinks => Set<Core.CustomerPortal.CustomerSignInLink>();
    /// <summary>The Data Protection key ring (Microsoft's EF Core key store; not tenant data).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Read by the global query filters each time a query runs. The getter throws when there is
    // no tenant, so a query without tenant context fails instead of returning everybody's rows.
    internal bool TenantFiltersOff => tenant.IsPlatformScope;
    internal Guid CurrentTenantId => tenant.IsPlatformScope ? Guid.Empty : tenant.RequireTenant().Value;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        builder.Properties<Core.Shared.E164Number>().HaveConversion<E164NumberConverter>().HaveMaxLength(16);
        builder.Properties<Core.Shared.Money>().HaveConversion<MoneyConverter>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(24);
        builder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureDirectory(builder);
        ConfigureScheduling(builder);
        ConfigureTelephonyAndOperations(builder);
        ApplyTenantFilters(builder);
    }
}

/// <summary>The tenant of a context that no scope holds: no company and no platform scope, so
/// every query and write through it throws <see cref="MissingTenantException"/>.</summary>
file sealed class NoTenant : ITenantContext
{
    public static readonly NoTenant Instance = new();

    public TenantId? Tenant => null;
    public bool IsPlatformScope => false;
    public string? PlatformReason => null;
}
