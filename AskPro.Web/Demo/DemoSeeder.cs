using AskPro.Core.Access;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Demo;

/// <summary>Seeds the demo installation once (Development only): two look-alike companies so
/// that isolation is visible, with customers, appointments and calls on every page.</summary>
public sealed partial class DemoSeeder(IServiceScopeFactory scopes, IHostEnvironment environment, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment())
            throw new InvalidOperationException("Demo data is only seeded in the Development environment.");

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().EnterPlatformScope("demo seeding");
        var db = services.GetRequiredService<AskProDbContext>();
        if (await db.Companies.AnyAsync(c => c.TenantKey == DemoData.Salon.TenantKey, ct)) return;

        logger.LogInformation("Seeding the demo installation");
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var users = services.GetRequiredService<UserManager<AppUser>>();
        await CreateUserAsync(users, DemoData.PlatformEmail, DemoData.PlatformPassword, "Plattform-Team", null, Roles.PlatformAdmin);

        var seed = 20261122;
        foreach (var demo in new[] { DemoData.Salon, DemoData.Praxis })
        {
            var company = await SeedCompanyAsync(db, services.GetRequiredService<SecretProtector>(), demo, ct);
            await CreateUserAsync(users, demo.AdminEmail, demo.AdminPassword, $"Admin {demo.Name}", company.Id, Roles.CompanyAdmin);
            if (demo == DemoData.Salon)
                await CreateUserAsync(users, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword, "Team Salon Sonnenschein", company.Id, Roles.CompanyStaff);
            await SeedActivityAsync(company.Id, new Random(seed++), ct);
        }
    }

    private async Task<Company> SeedCompanyAsync(AskProDbContext db, SecretProtector secrets, DemoData.DemoCompany demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var company = new Company
        {
            Name = demo.Name, TenantKey = demo.TenantKey, Industry = demo.Industry, Status = CompanyStatus.Active, WentLiveAt = now,
            CreatedAt = now, CalComWebhookSecretProtected = secrets.Protect(demo.CalComSecret),
            NotifyBySms = demo == DemoData.Salon, // CONTRACTS.md: the demo salon confirms by e-mail and SMS
        };
        var branch = new Branch
        {
            CompanyId = company.Id, Name = demo.BranchName, Street = demo.Street, PostalCode = demo.PostalCode, City = demo.City,
            CountryCode = "DE", Region = demo.Region,
            Phone = E164Number.Parse(demo.Phone),
            OpeningHours = [.. demo.Hours.Select(h => WeeklyInterval.Of(h.Day, h.Opens, h.Closes))],
            Closures = [new Closure { From = new DateOnly(2026, 12, 24), To = new DateOnly(2026, 12, 26), Reason = "Weihnachten" }],
        };
        var eventTypeBase = demo == DemoData.Salon ? 1001 : 2001;
        var services = demo.Services.Select((s, i) => new Service
        {
            CompanyId = company.Id, Name = s.Name, DurationMinutes = s.Minutes, Price = Money.FromCents(s.PriceCents),
            BufferMinutes = s.Buffer, Aliases = s.Aliases, CalComEventTypeId = eventTypeBase + i,
        }).ToList();
        var staff = demo.Staff.Select(name => new Staff
        {
            CompanyId = company.Id, Name = name, BranchId = branch.Id, Services = services,
            Email = $"{name.Split(' ')[^1].ToLowerInvariant().Replace("ı", "i").Replace("ü", "ue")}@{demo.TenantKey}.demo",
            WorkingHours = [.. demo.Hours.Select(h => WeeklyInterval.Of(h.Day, h.Opens, h.Closes))],
        }).ToList();

        db.Companies.Add(company);
        db.Branches.Add(branch);
        db.Services.AddRange(services);
        db.Staff.AddRange(staff);
        db.PhoneNumbers.Add(new PhoneNumber { CompanyId = company.Id, BranchId = branch.Id, Number = E164Number.Parse(demo.Phone), RetellAgentId = $"agent_{demo.TenantKey}" });
        db.ApiKeys.Add(new ApiKey { CompanyId = company.Id, Name = "Demo", Prefix = demo.ApiKey[..8], Hash = ApiKey.HashOf(demo.ApiKey), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return company;
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, string email, string password, string name, Guid? company, string role)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CompanyId = company };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
