using AskPro.Core.Calendars;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Calendars.CalCom;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Demo;

/// <summary>"Demo:CalComBaseUrl" (Development only): the demo salon's calendar becomes Cal.com
/// at that URL with the key <c>demo-calcom-key</c> (the fake: <c>dotnet run --project
/// tools/FakeCalCom -- --port 5090</c>). Services map to the event types found through
/// <c>GET /v2/event-types</c> by slug (Damenhaarschnitt → damenhaarschnitt, Färben → faerben),
/// staff to the event types' hosts by name, taking over the host's e-mail.</summary>
public static class DemoCalCom
{
    public const string ApiKey = "demo-calcom-key";

    public static async Task ApplyAsync(IServiceProvider services, string baseUrl, ILogger logger, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var tenant = provider.GetRequiredService<TenantContext>();
        tenant.EnterPlatformScope("demo: Cal.com switch");
        var db = provider.GetRequiredService<AskProDbContext>();
        var salon = await db.Companies.AsNoTracking().FirstAsync(c => c.TenantKey == DemoData.Salon.TenantKey, ct);
        tenant.UseTenant(TenantId.From(salon.Id));

        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.CalComSettings.Add(settings = new CalComSettings { ApiKeyProtected = "" });
        settings.BaseUrl = baseUrl.TrimEnd('/');
        settings.ApiKeyProtected = provider.GetRequiredService<SecretProtector>().Protect(ApiKey);
        settings.Active = true;
        settings.AliasEmailDomain = "kunden.salon.demo";
        settings.ConnectedAt = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var client = provider.GetRequiredService<CalComClient>();
        var types = await client.EventTypesAsync(new CalComConnection(salon.Id, new Uri(settings.BaseUrl), ApiKey), null, ct);
        if (types.Error is { } error)
        {
            logger.LogWarning("Demo Cal.com at {BaseUrl} not reachable ({Failure}); the salon keeps its earlier event type mapping", settings.BaseUrl, error.Failure);
            await db.SaveChangesAsync(ct);
            return;
        }
        foreach (var service in await db.Services.ToListAsync(ct))
            service.CalComEventTypeId = types.Value!.FirstOrDefault(t => t.Slug == Slug(service.Name))?.Id ?? service.CalComEventTypeId;
        var hosts = types.Value!.SelectMany(t => t.Hosts).Where(h => h.Email is not null).DistinctBy(h => h.Email).ToList();
        foreach (var staff in await db.Staff.ToListAsync(ct))
            staff.Email = hosts.FirstOrDefault(h => h.Name == staff.Name)?.Email ?? staff.Email;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo salon books into Cal.com at {BaseUrl}", settings.BaseUrl);
    }

    /// <summary>Cal.com's slug of a German name: lower case, umlauts spelled out, dashes for spaces.</summary>
    public static string Slug(string name) =>
        name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss").Replace(' ', '-');
}
