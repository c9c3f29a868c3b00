using AskPro.Core.Access;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Tenancy;

/// <summary>The isolation promises, written once and run against each database provider.</summary>
public static class TenantIsolationChecks
{
    /// <summary>Every tenant-owned entity type of the EF model (the company row has its own test):
    /// a new one is checked from the day it is mapped, and fails until <see cref="TenantWorld"/> seeds it.</summary>
    public static TheoryData<Type> TenantOwnedTypes
    {
        get
        {
            var sqlite = new DbContextOptionsBuilder<SqliteAskProDbContext>();
            PersistenceRegistration.ConfigureSqlite(sqlite, "Data Source=:memory:");
            using var db = new SqliteAskProDbContext(sqlite.Options, new TenantContext());
            var types = db.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !t.IsOwned()).Select(t => t.ClrType)
                .Distinct().OrderBy(t => t.Name).ToList();
            return [.. types];
        }
    }

    public static async Task A_sees_only_its_own_rows(TestDatabase database, Type type)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        await using var db = database.For(a.Company.Id);
        var ids = (await RowsOf(db, type)).Select(e => e.Id).ToList();
        Assert.Contains(a.Rows[type].Id, ids);
        Assert.DoesNotContain(b.Rows[type].Id, ids);
    }

    public static async Task A_cannot_update_Bs_row(TestDatabase database, Type type)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        var row = await LoadAsPlatformAsync(database, type, b.Rows[type].Id);

        await using (var db = database.For(a.Company.Id))
        {
            db.Update(row);
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.For(a.Company.Id))
        {
            // Claiming B's row by rewriting its company is refused too.
            ((ITenantOwned)row).CompanyId = a.Company.Id;
            db.Update(row);
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using var check = database.For(b.Company.Id);
        Assert.Contains(b.Rows[type].Id, (await RowsOf(check, type)).Select(e => e.Id));
    }

    public static async Task A_cannot_delete_Bs_row(TestDatabase database, Type type)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        var row = await LoadAsPlatformAsync(database, type, b.Rows[type].Id);

        await using (var db = database.For(a.Company.Id))
        {
            db.Remove(row);
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using var check = database.For(b.Company.Id);
        Assert.Contains(b.Rows[type].Id, (await RowsOf(check, type)).Select(e => e.Id));
    }

    public static async Task Without_a_tenant_reads_and_writes_throw(TestDatabase database, Type type)
    {
        var (a, _) = await TenantWorld.CreateAsync(database);
        await using var db = database.WithoutTenant();
        await Assert.ThrowsAsync<MissingTenantException>(() => RowsOf(db, type));

        var row = await LoadAsPlatformAsync(database, type, a.Rows[type].Id);
        db.Update(row);
        await Assert.ThrowsAsync<MissingTenantException>(() => db.SaveChangesAsync());
    }

    public static async Task The_company_row_itself_is_isolated(TestDatabase database)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        await using (var db = database.For(a.Company.Id))
        {
            Assert.Equal([a.Company.Id], await db.Companies.Select(c => c.Id).ToListAsync());
            var other = await LoadAsPlatformAsync(database, typeof(Company), b.Company.Id);
            ((Company)other).Name = "übernommen";
            db.Update(other);
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using var platform = database.Platform();
        Assert.Equal("Salon salon-b", (await platform.Companies.SingleAsync(c => c.Id == b.Company.Id)).Name);
        await using var none = database.WithoutTenant();
        await Assert.ThrowsAsync<MissingTenantException>(() => none.Companies.ToListAsync());
    }

    private static async Task<List<Entity>> RowsOf(AskProDbContext db, Type type)
    {
        var set = (IQueryable<Entity>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;
        return await set.AsNoTracking().ToListAsync();
    }

    private static async Task<Entity> LoadAsPlatformAsync(TestDatabase database, Type type, Guid id)
    {
        await using var db = database.Platform();
        return (await RowsOf(db, type)).Single(e => e.Id == id);
    }
}
