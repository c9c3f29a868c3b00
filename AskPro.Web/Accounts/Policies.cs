namespace AskPro.Web.Accounts;

/// <summary>The portal's authorization policies, by name (defined in <see cref="AccountsRegistration"/>).</summary>
public static class Policies
{
    /// <summary>Signed in and acting for a company (staff, admins, a platform admin who chose one).</summary>
    public const string CompanyUser = "CompanyUser";

    /// <summary>Changes the company's settings.</summary>
    public const string CompanyAdmin = "CompanyAdmin";

    /// <summary>The operator of the installation.</summary>
    public const string PlatformAdmin = "PlatformAdmin";
}
