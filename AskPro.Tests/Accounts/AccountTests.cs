using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Accounts;

[Collection(DemoAppCollection.Name)]
public sealed class AccountTests(AppHost app)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var email = $"lock-{Guid.NewGuid():N}@salon.demo";
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, "Richtig!2026x")).Succeeded);

        for (var i = 0; i < 5; i++)
            Assert.False((await signIn.CheckPasswordSignInAsync((await users.FindByEmailAsync(email))!, "falsch", lockoutOnFailure: true)).Succeeded);
        var locked = await signIn.CheckPasswordSignInAsync((await users.FindByEmailAsync(email))!, "Richtig!2026x", lockoutOnFailure: true);
        Assert.True(locked.IsLockedOut);
    }

    [Fact]
    public async Task Secrets_are_stored_encrypted_and_the_key_ring_lives_in_the_database()
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: read stored secret");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var stored = await db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.CalComWebhookSecretProtected).SingleAsync();

        Assert.NotNull(stored);
        Assert.DoesNotContain(DemoData.Salon.CalComSecret, stored);
        Assert.Equal(DemoData.Salon.CalComSecret, scope.ServiceProvider.GetRequiredService<SecretProtector>().Unprotect(stored));
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());

        // A second app on the same database (another node, or after a redeploy) can decrypt it.
        using var other = new AppHost(new() { ["Database:ConnectionString"] = $"Data Source={app.DatabasePath}", ["Demo:Seed"] = "false", ["Scheduler:Enabled"] = "false" });
        _ = other.BaseAddress;
        Assert.Equal(DemoData.Salon.CalComSecret, other.Services.GetRequiredService<SecretProtector>().Unprotect(stored));
    }

    [Fact]
    public async Task Every_company_user_belongs_to_exactly_one_company()
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var salonAdmin = (await users.FindByEmailAsync(DemoData.Salon.AdminEmail))!;
        var platform = (await users.FindByEmailAsync(DemoData.PlatformEmail))!;
        Assert.NotNull(salonAdmin.CompanyId);
        Assert.True(await users.IsInRoleAsync(salonAdmin, Roles.CompanyAdmin));
        Assert.Null(platform.CompanyId);
        Assert.True(await users.IsInRoleAsync(platform, Roles.PlatformAdmin));
    }
}
