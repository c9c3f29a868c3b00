using AskPro.Core.Directory;
using AskPro.Core.Onboarding.SignUp;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Onboarding;

/// <summary>Creates a company with its admin. A new tenant has no tenant context yet, so this is
/// platform work in a scope of its own; the account and the company share one transaction.</summary>
internal sealed class SignUpStore(PlatformScope platform) : ISignUpStore
{
    public Task<SignUpOutcome> CreateAsync(NewCompany company, string adminName, string email, string password, CancellationToken ct) =>
        platform.RunAsync<SignUpOutcome>("sign-up: new company", async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is { } existing) return new SignUpOutcome.AlreadyRegistered(existing.Id);

            var user = new AppUser { UserName = email, Email = email, DisplayName = adminName };
            // Checked before anything is written: a refused password leaves no company behind.
            var refused = new List<FieldError>();
            foreach (var validator in users.PasswordValidators)
                if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } result)
                    refused.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
            if (refused.Count > 0) return new SignUpOutcome.Invalid(refused);

            var db = services.GetRequiredService<AskProDbContext>();
            await EnsureRoleAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
            Company? created = null;
            // Only a created company with its admin commits; a refused or raced sign-up leaves
            // nothing. A commit whose answer was lost is looked up by the company's id (redone,
            // the user would meet its own address and answer "already registered").
            return await db.InTransactionAsync(async token =>
            {
                created = new Company { Name = company.Name, TenantKey = company.TenantKey, Status = CompanyStatus.Draft, CreatedAt = company.CreatedAt };
                db.Companies.Add(created);
                db.AuditEntries.Add(new AuditEntry
                {
                    CompanyId = created.Id, Actor = "signup", Action = "company.signup", EntityType = nameof(Company),
                    EntityId = created.Id.ToString(), At = company.CreatedAt,
                });
                await db.SaveChangesAsync(token);
                return await CreateAdminAsync(users, user, password, email, created);
            }, token => db.Companies.AnyAsync(c => c.Id == created!.Id, token), ct, commitIf: outcome => outcome is SignUpOutcome.Created);
        });

    /// <summary>The company's first admin, in the sign-up's transaction.</summary>
    private static async Task<SignUpOutcome> CreateAdminAsync(UserManager<AppUser> users, AppUser user, string password, string email, Company created)
    {
        user.CompanyId = created.Id;
        IdentityResult outcome;
        try
        {
            outcome = await users.CreateAsync(user, password);
            if (outcome.Succeeded) outcome = await users.AddToRoleAsync(user, Roles.CompanyAdmin);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one address at the same moment: the unique user name let one through.
            if (await users.FindByEmailAsync(email) is { } first) return new SignUpOutcome.AlreadyRegistered(first.Id);
            throw;
        }
        if (!outcome.Succeeded)
        {
            if (outcome.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await users.FindByEmailAsync(email) is { } raced)
                return new SignUpOutcome.AlreadyRegistered(raced.Id);
            return new SignUpOutcome.Invalid([.. outcome.Errors.Select(e => new FieldError("email", e.Description))]);
        }
        return new SignUpOutcome.Created(created.Id, user.Id);
    }

    private static async Task EnsureRoleAsync(RoleManager<IdentityRole> roles)
    {
        // A fresh installation outside the demo has no roles until its first company signs up
        // (the wizard invites staff as CompanyStaff).
        foreach (var role in new[] { Roles.CompanyAdmin, Roles.CompanyStaff })
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }
}
