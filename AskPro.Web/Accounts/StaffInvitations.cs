using System.Text;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AskPro.Web.Accounts;

/// <summary>Invites a staff member as a portal user (role CompanyStaff) of the current company:
/// a new account without a password, and a mail with the link to choose one (the reset-password
/// page, which also confirms the address). An address that already has an account is left alone:
/// an account never moves between companies.</summary>
public sealed class StaffInvitations(UserManager<AppUser> users, AccountMailer mail, ILogger<StaffInvitations> logger)
{
    public async Task<bool> InviteAsync(Guid companyId, string name, string email, Uri appBase, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not null) return false;
        var user = new AppUser { UserName = email, Email = email, DisplayName = name, CompanyId = companyId };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.CompanyStaff);
        if (!created.Succeeded)
        {
            logger.LogWarning("Staff invitation refused: {Codes}", string.Join(",", created.Errors.Select(e => e.Code)));
            return false;
        }
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = new Uri(appBase, $"account/reset-password?email={Uri.EscapeDataString(email)}&token={token}").AbsoluteUri;
        await mail.SendInvitationAsync(email, link);
        return true;
    }
}
