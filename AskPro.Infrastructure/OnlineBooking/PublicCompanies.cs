using AskPro.Core.Directory;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.OnlineBooking;

/// <summary>A company as its public pages know it: only what a visitor may see.</summary>
public sealed record PublicCompany(TenantId Id, string Key, string Name, CompanyStatus Status, string CountryCode)
{
    /// <summary>Only a live company takes bookings from strangers; a Draft is still being set
    /// up and a Suspended one is stopped by the platform.</summary>
    public bool TakesOnlineBookings => Status == CompanyStatus.Active;
}

/// <summary>Finds the company behind a public URL's tenant key. A key that is too long or
/// unknown is simply "none": the caller shows the same not-found page either way.</summary>
public sealed class PublicCompanies(PlatformScope platform)
{
    public const int MaxKeyLength = 64;

    public async Task<PublicCompany?> FindAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength) return null;
        return await platform.ReadAsync("public page: resolve tenant key", db => db.Companies.AsNoTracking()
            .Where(c => c.TenantKey == key)
            .Select(c => new PublicCompany(TenantId.From(c.Id), c.TenantKey, c.Name, c.Status, c.CountryCode)).FirstOrDefaultAsync(ct), ct);
    }

    /// <summary>The company of a signed-in customer's session.</summary>
    public Task<PublicCompany?> FindAsync(TenantId id, CancellationToken ct) =>
        platform.ReadAsync("customer portal: the session's company", db => db.Companies.AsNoTracking()
            .Where(c => c.Id == id.Value)
            .Select(c => new PublicCompany(TenantId.From(c.Id), c.TenantKey, c.Name, c.Status, c.CountryCode)).FirstOrDefaultAsync(ct), ct);
}
