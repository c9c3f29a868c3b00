using AskPro.Core.Calendars;
using AskPro.Core.Tenancy;
using System.Security.Cryptography;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Calendars.CalCom.Connect;

/// <summary>What the settings page shows: never the key, only whether one is stored.</summary>
public sealed record CalComSettingsRow(bool Connected, string BaseUrl, bool Active, DateTime? ConnectedAt, IReadOnlyList<CalComServiceRow> Services,
    IReadOnlyList<CalComStaffRow> Staff, IReadOnlyList<CalComStaffEventType> StaffMappings, string? WebhookSubscriptionId, CalComCircuits.CircuitView Circuit);

public sealed record CalComServiceRow(Guid Id, string Name, int? EventTypeId);

public sealed record CalComStaffRow(Guid Id, string Name);

public enum ConnectOutcome { Saved, InvalidBaseUrl, MissingKey, Refused }

/// <summary>The answer to "Verbindung testen": saved, or why not (nothing was stored then).</summary>
public sealed record ConnectResult(ConnectOutcome Outcome, CalComError? Error = null, string? Account = null);

/// <summary>The company admin's Cal.com connection: the key is tested with <c>GET /v2/me</c>
/// before anything is stored (a wrong key never replaces a working one), stored encrypted with
/// Data Protection, and never read back to the page. Every query runs under the signed-in
/// company's filter; the directory snapshot is dropped by the save itself (DirectoryChanges).</summary>
public sealed class CalComConnectionSettings(
    IDbContextFactory<AskProDbContext> contexts, ITenantContext tenant, CalComClient client, CalComCircuits circuits, SecretProtector secrets,
    MessagesOptions messages, TimeProvider clock)
{
    public async Task<CalComSettingsRow> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Name).Select(s => new CalComServiceRow(s.Id, s.Name, s.CalComEventTypeId)).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().OrderBy(s => s.Name).Select(s => new CalComStaffRow(s.Id, s.Name)).ToListAsync(ct);
        var mappings = await db.CalComStaffEventTypes.AsNoTracking().ToListAsync(ct);
        return new CalComSettingsRow(settings is not null && settings.ApiKeyProtected.Length > 0, settings?.BaseUrl ?? CalComSettings.DefaultBaseUrl,
            settings?.Active ?? false, settings?.ConnectedAt, services, staff, mappings, settings?.WebhookSubscriptionId, circuits.Of(Company));
    }

    /// <summary>Tests the key and base URL against Cal.com and stores them only if Cal.com accepts them.</summary>
    public async Task<ConnectResult> ConnectAsync(string? baseUrl, string? apiKey, CancellationToken ct)
    {
        if (!TryBaseUrl(baseUrl, out var url)) return new(ConnectOutcome.InvalidBaseUrl);
        var key = apiKey?.Trim() ?? "";
        if (key.Length is 0 or > 500) return new(ConnectOutcome.MissingKey);

        var me = await client.MeAsync(new CalComConnection(Company, url, key), ct);
        if (me.Error is { } error) return new(ConnectOutcome.Refused, error);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.CalComSettings.Add(settings = new CalComSettings { ApiKeyProtected = "" });
        settings.BaseUrl = url.ToString().TrimEnd('/');
        settings.ApiKeyProtected = secrets.Protect(key);
        settings.ConnectedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new(ConnectOutcome.Saved, Account: me.Value!.Email ?? me.Value.Username);
    }

    /// <summary>The connected account's event types (the user's, or the configured team's).</summary>
    public async Task<CalComResult<IReadOnlyList<CalComEventType>>?> EventTypesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null || settings.ApiKeyProtected.Length == 0) return null;
        var connection = new CalComConnection(Company, new Uri(settings.BaseUrl), secrets.Unprotect(settings.ApiKeyProtected));
        return await client.EventTypesAsync(connection, settings.TeamId, ct);
    }

    /// <summary>The booking events AskPro mirrors (CalComWebhookEndpoints accepts these).</summary>
    public static readonly IReadOnlyList<string> WebhookTriggers = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REQUESTED", "BOOKING_REJECTED"];

    /// <summary>Subscribes this installation's webhook URL for the company in Cal.com with a new
    /// random secret. The secret replaces the company's stored one only once Cal.com accepted
    /// the subscription (until then, webhooks signed with the old secret still verify).</summary>
    public async Task<CalComResult<CalComWebhook>?> RegisterWebhookAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == Company, ct);
        if (settings is null || settings.ApiKeyProtected.Length == 0 || company is null) return null;
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var url = new Uri(messages.PublicBaseUrl.TrimEnd('/') + "/api/webhooks/calcom/" + Uri.EscapeDataString(company.TenantKey));
        var connection = new CalComConnection(Company, new Uri(settings.BaseUrl), secrets.Unprotect(settings.ApiKeyProtected));
        var subscribed = await client.SubscribeAsync(connection, url, secret, WebhookTriggers, ct);
        if (subscribed.Error is not null) return subscribed;
        company.CalComWebhookSecretProtected = secrets.Protect(secret);
        settings.WebhookSubscriptionId = subscribed.Value!.Id;
        await db.SaveChangesAsync(ct);
        return subscribed;
    }

    /// <summary>Built-in calendar (false) or Cal.com (true); Cal.com only once a key is stored.</summary>
    public async Task<bool> UseCalComAsync(bool active, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null || settings.ApiKeyProtected.Length == 0) return !active;
        settings.Active = active;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The event type a service is booked as (null: none). Unknown service (or another company's): false.</summary>
    public async Task<bool> MapServiceAsync(Guid serviceId, int? eventTypeId, CancellationToken ct)
    {
        if (eventTypeId is <= 0) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return false;
        service.CalComEventTypeId = eventTypeId;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A staff member's own event type for a service (null: the service's). Ids of another company: false.</summary>
    public async Task<bool> MapStaffAsync(Guid staffId, Guid serviceId, int? eventTypeId, CancellationToken ct)
    {
        if (eventTypeId is <= 0) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct) || !await db.Services.AnyAsync(s => s.Id == serviceId, ct)) return false;
        var mapping = await db.CalComStaffEventTypes.FirstOrDefaultAsync(m => m.StaffId == staffId && m.ServiceId == serviceId, ct);
        if (eventTypeId is null)
        {
            if (mapping is not null) db.CalComStaffEventTypes.Remove(mapping);
        }
        else if (mapping is null) db.CalComStaffEventTypes.Add(new CalComStaffEventType { StaffId = staffId, ServiceId = serviceId, EventTypeId = eventTypeId.Value });
        else mapping.EventTypeId = eventTypeId.Value;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Guid Company => tenant.Tenant?.Value ?? throw new InvalidOperationException("Cal.com settings need a signed-in company");

    /// <summary>https only (the key travels in the header); plain http only to this machine
    /// (a self-hosted instance behind a local proxy, the fake in tests and the demo).</summary>
    internal static bool TryBaseUrl(string? text, out Uri url)
    {
        url = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttps && !(parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)) return false;
        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment)) return false;
        url = parsed;
        return true;
    }
}
