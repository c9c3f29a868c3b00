using System.Linq.Expressions;
using AskPro.Core.Directory;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AskPro.Infrastructure.Persistence;

public abstract partial class AskProDbContext
{
    /// <summary>Every tenant-owned entity, and the company itself, is filtered by the current
    /// tenant. Platform scope is the one explicit way around it.</summary>
    private void ApplyTenantFilters(ModelBuilder builder)
    {
        builder.Entity<Company>().HasQueryFilter(c => TenantFiltersOff || c.Id == CurrentTenantId);

        foreach (var type in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var entity = Expression.Parameter(type.ClrType, "e");
            var context = Expression.Constant(this);
            var body = Expression.OrElse(
                Expression.Property(context, nameof(TenantFiltersOff)),
                Expression.Equal(
                    Expression.Property(entity, nameof(ITenantOwned.CompanyId)),
                    Expression.Property(context, nameof(CurrentTenantId))));
            builder.Entity(type.ClrType).HasQueryFilter(Expression.Lambda(body, entity));

            // CompanyId takes part in every UPDATE and DELETE's WHERE clause, so a row of
            // another company is never touched, even by an entity attached with a forged id.
            builder.Entity(type.ClrType).Property(nameof(ITenantOwned.CompanyId)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantWrites();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => BelongsToAnotherTenant(e.GetDatabaseValues())))
        {
            throw new TenantViolationException(ex.Entries[0].Metadata.ClrType.Name);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        GuardTenantWrites();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            if (await AnyOfAnotherTenantAsync(ex.Entries, ct)) throw new TenantViolationException(ex.Entries[0].Metadata.ClrType.Name);
            throw;
        }
    }

    /// <summary>A write that matched no row because the row is another company's is a tenant
    /// violation, not an ordinary concurrency conflict.</summary>
    private async Task<bool> AnyOfAnotherTenantAsync(IReadOnlyList<EntityEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries)
            if (BelongsToAnotherTenant(await entry.GetDatabaseValuesAsync(ct))) return true;
        return false;
    }

    private bool BelongsToAnotherTenant(PropertyValues? stored) =>
        !tenant.IsPlatformScope && tenant.Tenant is { } current && stored is not null
        && stored.Properties.Any(p => p.Name == nameof(ITenantOwned.CompanyId))
        && stored[nameof(ITenantOwned.CompanyId)] is Guid owner && owner != current.Value;

    /// <summary>New rows get the current tenant; changes to another tenant's rows are refused.
    /// In platform scope a new row must name its company explicitly.</summary>
    private void GuardTenantWrites()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is Company company) GuardCompany(entry, company);
            else if (entry.Entity is ITenantOwned owned) GuardOwned(entry, owned);
            if (entry.State == EntityState.Modified) RefreshVersion(entry);
        }
    }

    private void GuardOwned(EntityEntry entry, ITenantOwned owned)
    {
        if (tenant.IsPlatformScope)
        {
            if (owned.CompanyId == Guid.Empty) throw new MissingTenantException();
            return;
        }

        var current = tenant.RequireTenant().Value;
        if (entry.State == EntityState.Added && owned.CompanyId == Guid.Empty) owned.CompanyId = current;

        var original = entry.State == EntityState.Added
            ? owned.CompanyId
            : entry.Property(nameof(ITenantOwned.CompanyId)).OriginalValue as Guid? ?? Guid.Empty;
        if (owned.CompanyId != current || original != current)
            throw new TenantViolationException(entry.Metadata.ClrType.Name);
    }

    private void GuardCompany(EntityEntry entry, Company company)
    {
        if (tenant.IsPlatformScope) return;
        if (entry.State == EntityState.Added || company.Id != tenant.RequireTenant().Value)
            throw new TenantViolationException(nameof(Company));
    }

    private static void RefreshVersion(EntityEntry entry)
    {
        var version = entry.Metadata.FindProperty("Version");
        if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(Guid))
            entry.Property("Version").CurrentValue = Guid.NewGuid();
    }
}
