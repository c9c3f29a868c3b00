using Microsoft.AspNetCore.Identity;

namespace AskPro.Infrastructure.Accounts;

/// <summary>A person who signs in to the portal. Company users belong to exactly one company;
/// platform admins belong to none.</summary>
public sealed class AppUser : IdentityUser
{
    public Guid? CompanyId { get; set; }
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string CompanyAdmin = "CompanyAdmin";
    public const string CompanyStaff = "CompanyStaff";

    public static readonly string[] All = [PlatformAdmin, CompanyAdmin, CompanyStaff];
}

public static class AskProClaims
{
    /// <summary>The company a signed-in user (or API key) acts for.</summary>
    public const string Company = "askpro:company";
}
