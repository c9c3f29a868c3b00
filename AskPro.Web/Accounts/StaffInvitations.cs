using System.Text;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AskPro.Web.Accounts;

/// <summary>Invites a colleague as a portal user of a company (role CompanyStaff unless said
/// otherwise): a new account without a password, and a mail with the link to choose one (the
/// reset-password page, which also confirms the address). An address that already has an
/// account is left alone: an account never moves between companies.</summary>
public sealed class StaffInvitations(UserManager<AppUser> users, AccountMailer mail, ILogger<StaffInvitations> logger)
{
    /// <summary>Whether the address can be a login: it is also the Identity user name, whose
    /// characters are limited, so a valid address outside them (a quoted local part) cannot.</summary>
    public bool CanBeLogin(string email) =>
        users.Options.User.AllowedUserNameCharacters is not { Length: > 0 } allowed || email.All(allowed.Contains);

    /// <summary>The invited account, or null when the address already has one or Identity refused it.</summary>
    public async Task<AppUser?> InviteAsync(Guid companyId, string name, string email, Uri appBase, CancellationToken ct, string role = Roles.CompanyStaff)
    {
        if (role is not (Roles.CompanyStaff or Roles.CompanyAdmin)) throw new ArgumentOutOfRangeException(nameof(role), role, "Only company roles are invited.");
        if (await users.FindByEmailAsync(email) is not null) return null;
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CompanyId = companyId };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded)
        {
            logger.LogWarning("Staff invitation refused: {Codes}", string.Join(",", created.Errors.Select(e => e.Code)));
            if (await users.FindByIdAsync(user.Id) is { } half) await users.DeleteAsync(half); // no account without its role
            return null;
        }
        await SendAsync(user, appBase);
        return user;
    }

    /// <summary>A fresh link for an invitation not yet accepted (the old link keeps working until
    /// it expires or a password is chosen).</summary>
    public Task ResendAsync(AppUser user, Uri appBase) => SendAsync(user, appBase);

    private async Task SendAsync(AppUser user, Uri appBase)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = new Uri(appBase, $"account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}").AbsoluteUri;
        await mail.SendInvitationAsync(user.Email!, link);
    }
}
