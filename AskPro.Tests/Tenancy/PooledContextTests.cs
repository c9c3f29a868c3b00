using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Tenancy;

/// <summary>Contexts come from EF's pool: a lease gets its scope's tenant, and a context handed
/// back keeps none, so one reached around the scope fails instead of filtering by the previous
/// lease's company.</summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task A_pooled_context_serves_each_scope_with_that_scope_s_tenant_and_none_after()
    {
        var folder = TestServices.NewTempDirectory("askpro-pool");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "askpro.db")}",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAskProPersistence(configuration);
        await using var provider = services.BuildServiceProvider();
        var (first, second) = (new TenantId(Guid.NewGuid()), new TenantId(Guid.NewGuid()));

        AskProDbContext leasedFirst;
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(first);
            leasedFirst = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            Assert.Equal(first, leasedFirst.TenantContext.Tenant);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(second);
            var leasedSecond = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            Assert.Same(leasedFirst, leasedSecond); // the pool handed the same instance out again
            Assert.Equal(second, leasedSecond.TenantContext.Tenant);
            await using var shortLived = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AskProDbContext>>().CreateDbContextAsync();
            Assert.Equal(second, shortLived.TenantContext.Tenant);
        }

        // EF's own pool factory, reached around the scopes: the returned context has no tenant.
        await using var around = await provider.GetRequiredService<IDbContextFactory<SqliteAskProDbContext>>().CreateDbContextAsync();
        Assert.Null(around.TenantContext.Tenant);
        Assert.False(around.TenantContext.IsPlatformScope);
        await Assert.ThrowsAsync<MissingTenantException>(() => around.Customers.ToListAsync());
    }
}
