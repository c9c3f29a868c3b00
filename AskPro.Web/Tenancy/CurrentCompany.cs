using AskPro.Infrastructure.Portal;

namespace AskPro.Web.Tenancy;

/// <summary>The company the user acts for, read once per circuit (scoped) and cascaded by the
/// layout to every page: name, time zone, country.</summary>
public sealed class CurrentCompany(ICompanyQueries companies)
{
    private Task<CompanyProfile?>? _profile;

    public Task<CompanyProfile?> GetAsync() => _profile ??= companies.CurrentAsync(CancellationToken.None);
}
