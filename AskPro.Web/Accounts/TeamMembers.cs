using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Accounts;

/// <summary>A portal user of the company as the team page shows them. <see cref="Invited"/>: no
/// password chosen yet (the invitation is open). <see cref="LastSignInAt"/> comes from the audit
/// log (<c>account.sign-in</c>).</summary>
public sealed record TeamMember(string Id, string Email, string Name, string Role, bool Invited, DateTime? LastSignInAt,
    DateTimeOffset? LockedOutUntil, int FailedSignIns);

public enum TeamOutcome { Done, NotFound, AlreadyHasAccount, InvalidEmail, InvalidRole, NotYourself, LastAdmin, OwnRole, LastAdminRole, UnusableEmail }

/// <summary>The company's team: invite, resend, revoke, remove, unlock — each audited, each on
/// users of the current company only (Identity's users are not tenant data, so the company is
/// checked here, in one place: another company's user id is simply not found). Run in a unit of
/// work of its own (<see cref="Infrastructure.Portal.EngineCalls"/>): UserManager holds a DbContext.</summary>
public sealed class TeamMembers(UserManager<AppUser> users, StaffInvitations invitations, AskProDbContext db, ITenantContext tenant,
    IAuditLog audit, TimeProvider clock)
{
    public const string SignInAction = "account.sign-in";

    private Guid Company => tenant.RequireTenant().Value;

    public async Task<IReadOnlyList<TeamMember>> ListAsync(CancellationToken ct)
    {
        var company = Company;
        var members = await (from u in db.Users.AsNoTracking().Where(u => u.CompanyId == company)
                             let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
                             orderby u.Email
                             select new { u.Id, u.Email, u.DisplayName, Role = role, u.PasswordHash, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var lastSignIns = await db.AuditEntries.AsNoTracking().Where(a => a.Action == SignInAction && ids.Contains(a.Actor))
            .GroupBy(a => a.Actor).Select(g => new { Actor = g.Key, At = g.Max(a => a.At) }).ToDictionaryAsync(x => x.Actor, x => x.At, ct);
        var now = clock.GetUtcNow();
        return members.Select(m => new TeamMember(m.Id, m.Email ?? "", m.DisplayName, m.Role ?? "", m.PasswordHash is null,
            lastSignIns.TryGetValue(m.Id, out var at) ? at : null, m.LockoutEnd > now ? m.LockoutEnd : null, m.AccessFailedCount)).ToList();
    }

    public async Task<TeamOutcome> InviteAsync(string? email, string? name, string role, Uri appBase, string actor, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(email, out var address) || address is null) return TeamOutcome.InvalidEmail;
        // Refused at creation, it would read as "already has an account".
        if (!invitations.CanBeLogin(address)) return TeamOutcome.UnusableEmail;
        if (role is not (Roles.CompanyAdmin or Roles.CompanyStaff)) return TeamOutcome.InvalidRole;
        var shownName = PersonName.TryNormalize(name, out var person) ? person : address;
        var user = await invitations.InviteAsync(Company, shownName, address, appBase, ct, role);
        if (user is null) return TeamOutcome.AlreadyHasAccount;
        await AuditAsync(actor, "team.invite", user.Id, role, ct);
        return TeamOutcome.Done;
    }

    public Task<TeamOutcome> ResendAsync(string userId, Uri appBase, string actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "team.resend", ct, async user =>
        {
            if (user.PasswordHash is not null) return TeamOutcome.NotFound; // accepted: nothing to resend
            await invitations.ResendAsync(user, appBase);
            return TeamOutcome.Done;
        });

    /// <summary>An open invitation is withdrawn: the account without a password is deleted, its link dies with it.</summary>
    public Task<TeamOutcome> RevokeAsync(string userId, string actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "team.revoke", ct, async user =>
            user.PasswordHash is not null ? TeamOutcome.NotFound : Succeeded(await users.DeleteAsync(user)));

    /// <summary>A colleague leaves: the account is deleted (its sign-in cookie stops working at the
    /// next security-stamp check). Nobody removes themselves, and the last admin stays.</summary>
    public Task<TeamOutcome> RemoveAsync(string userId, string actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "team.remove", ct, async user =>
        {
            if (user.Id == actor) return TeamOutcome.NotYourself;
            if (await users.IsInRoleAsync(user, Roles.CompanyAdmin) && await AdminCountAsync(ct) <= 1) return TeamOutcome.LastAdmin;
            return Succeeded(await users.DeleteAsync(user));
        });

    /// <summary>CompanyAdmin ↔ CompanyStaff. Not one's own role (someone else decides that), and the
    /// company keeps at least one admin. Old role out and new role in are one transaction; the
    /// security stamp changes with them, so the member's sign-in (cookie and open portal pages)
    /// ends within a minute and the next one carries the new role. Audited as "old → new".</summary>
    public async Task<TeamOutcome> ChangeRoleAsync(string userId, string? role, string actor, CancellationToken ct)
    {
        if (role is not (Roles.CompanyAdmin or Roles.CompanyStaff)) return TeamOutcome.InvalidRole;
        var company = Company;
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == userId && u.CompanyId == company, ct);
        if (user is null) return TeamOutcome.NotFound;
        if (user.Id == actor) return TeamOutcome.OwnRole;
        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (current == role) return TeamOutcome.Done;
        if (current == Roles.CompanyAdmin && await AdminCountAsync(ct) <= 1) return TeamOutcome.LastAdminRole;

        var entry = new AuditEntry { Actor = actor, Action = "team.role", EntityType = "User", EntityId = userId, Details = $"{current} → {role}", At = clock.GetUtcNow().UtcDateTime };
        // A commit whose answer was lost is looked up by the audit entry (redone, the old role
        // would be gone already and Identity would refuse to remove it).
        await db.InTransactionAsync(async token =>
        {
            if (current.Length > 0) Succeeded(await users.RemoveFromRoleAsync(user, current));
            Succeeded(await users.AddToRoleAsync(user, role));
            Succeeded(await users.UpdateSecurityStampAsync(user));
            // In this transaction's own context (the audit log's would wait for it on SQLite).
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(token);
        }, token => db.AuditEntries.AnyAsync(a => a.Id == entry.Id, token), ct);
        return TeamOutcome.Done;
    }

    /// <summary>Ends a lockout after too many wrong passwords before it runs out.</summary>
    public Task<TeamOutcome> UnlockAsync(string userId, string actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "team.unlock", ct, async user =>
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
            return Succeeded(result);
        });

    private async Task<TeamOutcome> ChangeAsync(string userId, string actor, string action, CancellationToken ct, Func<AppUser, Task<TeamOutcome>> change)
    {
        var company = Company;
        var user = await users.Users.FirstOrDefaultAsync(u => u.Id == userId && u.CompanyId == company, ct);
        if (user is null) return TeamOutcome.NotFound;
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var outcome = await change(user);
        if (outcome == TeamOutcome.Done) await AuditAsync(actor, action, userId, role, ct);
        return outcome;
    }

    private Task<int> AdminCountAsync(CancellationToken ct)
    {
        var company = Company;
        return (from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.CompanyId == company && r.Name == Roles.CompanyAdmin
                select u.Id).CountAsync(ct);
    }

    private static TeamOutcome Succeeded(IdentityResult result) =>
        result.Succeeded ? TeamOutcome.Done : throw new InvalidOperationException("Identity refused: " + string.Join(",", result.Errors.Select(e => e.Code)));

    // The audit names the account by id and role, not by address: the log is kept longer than people stay.
    private Task AuditAsync(string actor, string action, string userId, string role, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry { Actor = actor, Action = action, EntityType = "User", EntityId = userId, Details = role, At = clock.GetUtcNow().UtcDateTime }, ct);
}
