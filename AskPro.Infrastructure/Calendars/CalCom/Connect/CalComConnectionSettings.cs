using System.Globalization;
using System.Text.RegularExpressions;
using AskPro.Core.Calendars;
using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using System.Security.Cryptography;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Calendars.CalCom.Connect;

/// <summary>What the settings page shows: never the key, only whether one is stored.</summary>
public sealed record CalComSettingsRow(bool Connected, string BaseUrl, bool Active, DateTime? ConnectedAt, IReadOnlyList<CalComServiceRow> Services,
    IReadOnlyList<CalComStaffRow> Staff, IReadOnlyList<CalComStaffEventType> StaffMappings, string? WebhookSubscriptionId, CalComCircuits.CircuitView Circuit,
    int? TeamId, string AliasEmailDomain);

public sealed record CalComServiceRow(Guid Id, string Name, int? EventTypeId);

public sealed record CalComStaffRow(Guid Id, string Name);

public enum ConnectOutcome { Saved, InvalidBaseUrl, MissingKey, Refused }

public enum AccountOutcome { Saved, NotConnected, InvalidTeam, InvalidDomain, TeamRefused }

/// <summary>The answer to saving the team and the alias domain (<see cref="Error"/>: Cal.com's, when it could not be asked).</summary>
public sealed record AccountResult(AccountOutcome Outcome, CalComError? Error = null);

/// <summary>The answer to "Verbindung testen": saved, or why not (nothing was stored then).</summary>
public sealed record ConnectResult(ConnectOutcome Outcome, CalComError? Error = null, string? Account = null);

/// <summary>The company admin's Cal.com connection: the key is tested with <c>GET /v2/me</c>
/// before anything is stored (a wrong key never replaces a working one), stored encrypted with
/// Data Protection, and never read back to the page. Every query runs under the signed-in
/// company's filter; the directory snapshot is dropped by the save itself (DirectoryChanges).
/// Every change is audited with who made it, in the same save (never the key).</summary>
public sealed partial class CalComConnectionSettings(
    IDbContextFactory<AskProDbContext> contexts, ITenantContext tenant, CalComClient client, CalComCircuits circuits, SecretProtector secrets,
    MessagesOptions messages, TimeProvider clock, ILogger<CalComConnectionSettings> logger)
{
    public async Task<CalComSettingsRow> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Name).Select(s => new CalComServiceRow(s.Id, s.Name, s.CalComEventTypeId)).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().OrderBy(s => s.Name).Select(s => new CalComStaffRow(s.Id, s.Name)).ToListAsync(ct);
        var mappings = await db.CalComStaffEventTypes.AsNoTracking().ToListAsync(ct);
        return new CalComSettingsRow(settings is not null && settings.ApiKeyProtected.Length > 0, settings?.BaseUrl ?? CalComSettings.DefaultBaseUrl,
            settings?.Active ?? false, settings?.ConnectedAt, services, staff, mappings, settings?.WebhookSubscriptionId, circuits.Of(Company),
            settings?.TeamId, settings?.AliasEmailDomain ?? CalComSettings.DefaultAliasEmailDomain);
    }

    /// <summary>Tests the key and base URL against Cal.com and stores them only if Cal.com accepts them.</summary>
    public async Task<ConnectResult> ConnectAsync(string? baseUrl, string? apiKey, string actor, CancellationToken ct)
    {
        if (!TryBaseUrl(baseUrl, out var url)) return new(ConnectOutcome.InvalidBaseUrl);
        var key = apiKey?.Trim() ?? "";
        if (key.Length is 0 or > 500) return new(ConnectOutcome.MissingKey);

        var me = await client.MeAsync(new CalComConnection(Company, url, key), ct);
        if (me.Error is { } error) return new(ConnectOutcome.Refused, error);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.CalComSettings.Add(settings = new CalComSettings { ApiKeyProtected = "" });
        var replaced = settings.ApiKeyProtected.Length > 0;
        settings.BaseUrl = url.ToString().TrimEnd('/');
        settings.ApiKeyProtected = secrets.Protect(key);
        settings.ConnectedAt = clock.GetUtcNow().UtcDateTime;
        Audit(db, actor, replaced ? "calcom.key.replace" : "calcom.connect", $"Basis-URL {settings.BaseUrl}, mit GET /v2/me geprüft");
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
    /// the subscription (until then, webhooks signed with the old secret still verify). The
    /// previous subscription is then deleted in Cal.com (new first: the company is never left
    /// without one); one Cal.com no longer has counts as deleted, one it would not delete is
    /// noted in the audit and its deliveries fail the signature check from now on.</summary>
    public async Task<CalComResult<CalComWebhook>?> RegisterWebhookAsync(string actor, CancellationToken ct)
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
        var previous = settings.WebhookSubscriptionId;
        company.CalComWebhookSecretProtected = secrets.Protect(secret);
        settings.WebhookSubscriptionId = subscribed.Value!.Id;
        var replaced = previous is null || previous == subscribed.Value.Id ? "" : await DeleteOldWebhookAsync(connection, previous, ct);
        Audit(db, actor, "calcom.webhook.register", $"Abonnement {subscribed.Value.Id} für {url}{replaced}");
        await db.SaveChangesAsync(ct);
        return subscribed;
    }

    private async Task<string> DeleteOldWebhookAsync(CalComConnection connection, string previous, CancellationToken ct)
    {
        var deleted = await client.DeleteWebhookAsync(connection, previous, ct);
        if (deleted.Ok || deleted.Error!.Failure == CalComFailure.NotFound) return $"; altes Abonnement {previous} gelöscht";
        logger.LogWarning("Cal.com did not delete the previous webhook subscription of company {CompanyId}: {Failure}", connection.CompanyId, deleted.Error.Failure);
        return $"; altes Abonnement {previous} konnte nicht gelöscht werden ({deleted.Error.StaffMessage})";
    }

    /// <summary>Built-in calendar (false) or Cal.com (true); Cal.com only once a key is stored.</summary>
    public async Task<bool> UseCalComAsync(bool active, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null || settings.ApiKeyProtected.Length == 0) return !active;
        if (settings.Active == active) return true;
        settings.Active = active;
        Audit(db, actor, "calcom.calendar.choose", active ? "Kalender: Cal.com" : "Kalender: eingebauter AskPro-Kalender");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whose event types (a team's, null: the key's user) and the domain of the alias
    /// e-mail a customer without an address books under. A team is tested against Cal.com
    /// (its event types must be readable with the key) before it is stored. A new domain holds
    /// for bookings from now on; bookings made earlier keep the alias they were made with.</summary>
    public async Task<AccountResult> SaveAccountAsync(int? teamId, string? aliasDomain, string actor, CancellationToken ct)
    {
        if (teamId is <= 0) return new(AccountOutcome.InvalidTeam);
        if (NormalizedDomain(aliasDomain) is not { } domain) return new(AccountOutcome.InvalidDomain);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await db.CalComSettings.FirstOrDefaultAsync(ct);
        if (settings is null || settings.ApiKeyProtected.Length == 0) return new(AccountOutcome.NotConnected);
        if (teamId is not null && teamId != settings.TeamId)
        {
            var connection = new CalComConnection(Company, new Uri(settings.BaseUrl), secrets.Unprotect(settings.ApiKeyProtected));
            var types = await client.EventTypesAsync(connection, teamId, ct);
            // Unknown team or no access (404/403): refused as such; Cal.com not answerable: its own message.
            if (types.Error is { } error)
                return new(AccountOutcome.TeamRefused, error.Failure is CalComFailure.NotFound or CalComFailure.Unauthorized ? null : error);
        }
        var changes = new List<string>();
        if (teamId != settings.TeamId) changes.Add($"Team {Text(settings.TeamId)} → {Text(teamId)}");
        if (domain != settings.AliasEmailDomain) changes.Add($"Alias-Domain {settings.AliasEmailDomain} → {domain}");
        if (changes.Count == 0) return new(AccountOutcome.Saved);
        settings.TeamId = teamId;
        settings.AliasEmailDomain = domain;
        Audit(db, actor, "calcom.account", string.Join("; ", changes));
        await db.SaveChangesAsync(ct);
        return new(AccountOutcome.Saved);
    }

    private static string Text(int? teamId) => teamId?.ToString(CultureInfo.InvariantCulture) ?? "(eigene Ereignistypen)";

    /// <summary>A host name of letters, digits and hyphens in at least two labels (kunden.example.de),
    /// lower-cased; null when it is not one (an address, a URL, a space, a label over 63 characters).</summary>
    internal static string? NormalizedDomain(string? text)
    {
        var domain = text?.Trim().TrimEnd('.').ToLowerInvariant() ?? "";
        return domain.Length is > 0 and <= 253 && DomainPattern().IsMatch(domain) ? domain : null;
    }

    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    /// <summary>The event type a service is booked as (null: none). Unknown service (or another company's): false.</summary>
    public async Task<bool> MapServiceAsync(Guid serviceId, int? eventTypeId, string actor, CancellationToken ct)
    {
        if (eventTypeId is <= 0) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return false;
        if (service.CalComEventTypeId == eventTypeId) return true;
        Audit(db, actor, "calcom.map.service", $"{service.Name}: Ereignistyp {EventType(service.CalComEventTypeId)} → {EventType(eventTypeId)}", "Service", service.Id);
        service.CalComEventTypeId = eventTypeId;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A staff member's own event type for a service (null: the service's). Ids of another company: false.</summary>
    public async Task<bool> MapStaffAsync(Guid staffId, Guid serviceId, int? eventTypeId, string actor, CancellationToken ct)
    {
        if (eventTypeId is <= 0) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staffName = await db.Staff.Where(s => s.Id == staffId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var serviceName = await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (staffName is null || serviceName is null) return false;
        var mapping = await db.CalComStaffEventTypes.FirstOrDefaultAsync(m => m.StaffId == staffId && m.ServiceId == serviceId, ct);
        if (mapping?.EventTypeId == eventTypeId) return true;
        Audit(db, actor, "calcom.map.staff", $"{staffName} · {serviceName}: Ereignistyp {EventType(mapping?.EventTypeId)} → {EventType(eventTypeId)}", "Staff", staffId);
        if (eventTypeId is null)
        {
            if (mapping is not null) db.CalComStaffEventTypes.Remove(mapping);
        }
        else if (mapping is null) db.CalComStaffEventTypes.Add(new CalComStaffEventType { StaffId = staffId, ServiceId = serviceId, EventTypeId = eventTypeId.Value });
        else mapping.EventTypeId = eventTypeId.Value;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string EventType(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "keiner";

    /// <summary>Who changed what, saved with the change itself.</summary>
    private void Audit(AskProDbContext db, string actor, string action, string details, string entityType = nameof(CalComSettings), Guid? entityId = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Actor = actor, Action = action, EntityType = entityType, EntityId = (entityId ?? Company).ToString(), Details = details, At = clock.GetUtcNow().UtcDateTime,
        });

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
