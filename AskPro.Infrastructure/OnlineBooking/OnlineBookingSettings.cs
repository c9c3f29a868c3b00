using AskPro.Core.Directory;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.OnlineBooking;

public sealed record OnlineBookingSettingsRow(string TenantKey, CompanyStatus Status);

/// <summary>The signed-in company's public booking key and status, for its settings page.</summary>
public sealed class OnlineBookingSettings(IDbContextFactory<AskProDbContext> contexts)
{
    public async Task<OnlineBookingSettingsRow?> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Companies.AsNoTracking().Select(c => new OnlineBookingSettingsRow(c.TenantKey, c.Status)).FirstOrDefaultAsync(ct);
    }
}
