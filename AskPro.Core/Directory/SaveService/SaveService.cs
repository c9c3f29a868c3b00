using AskPro.Core.Shared;

namespace AskPro.Core.Directory.SaveService;

/// <summary>What a company admin enters for a service.</summary>
public sealed record ServiceDetails(
    string Name,
    int DurationMinutes,
    int BufferMinutes,
    long PriceCents,
    int MinimumNoticeMinutes,
    int CancellationNoticeHours,
    bool Active,
    string Aliases,
    IReadOnlyCollection<Guid> StaffIds);

/// <summary>Creates (no id) or changes a service: duration, buffer, price, notice policies, who
/// performs it, whether it is offered. Checked first; invalid input changes nothing; audited.</summary>
public sealed class SaveService(IDirectoryStore store, TimeProvider clock)
{
    public const int MaxBufferMinutes = 240;
    public const long MaxPriceCents = 1_000_000;
    public const int MaxNoticeMinutes = 30 * 24 * 60;
    public const int MaxCancellationNoticeHours = 30 * 24;

    public Task<DirectoryOutcome> RunAsync(Guid? serviceId, ServiceDetails details, string actor, CancellationToken ct)
    {
        var errors = Check(details);
        if (errors.Count > 0) return Task.FromResult<DirectoryOutcome>(new DirectoryOutcome.Invalid(errors));
        var audit = DirectoryAudit.Saved(actor, nameof(Service), serviceId, clock.GetUtcNow().UtcDateTime);
        return store.SaveServiceAsync(serviceId, details.StaffIds, service =>
        {
            service.Name = details.Name.Trim();
            service.DurationMinutes = details.DurationMinutes;
            service.BufferMinutes = details.BufferMinutes;
            service.Price = Money.FromCents(details.PriceCents);
            service.MinimumNoticeMinutes = details.MinimumNoticeMinutes;
            service.CancellationNoticeHours = details.CancellationNoticeHours;
            service.Active = details.Active;
            service.Aliases = details.Aliases?.Trim() ?? "";
            return [];
        }, audit, ct);
    }

    public static IReadOnlyList<FieldError> Check(ServiceDetails d)
    {
        var errors = new List<FieldError>();
        void Add(FieldError? e) { if (e is not null) errors.Add(e); }
        Add(DirectoryAudit.CheckText(d.Name, "name", "Der Name", 100, "Bitte einen Namen angeben."));
        Add(DirectoryAudit.CheckText(d.Aliases, "aliases", "Die Liste anderer Bezeichnungen", 500));
        if (d.DurationMinutes is < Service.MinDurationMinutes or > Service.MaxDurationMinutes)
            Add(new("duration", $"Eine Dienstleistung dauert {Service.MinDurationMinutes} Minuten bis {Service.MaxDurationMinutes / 60} Stunden."));
        else if (d.DurationMinutes % 5 != 0)
            Add(new("duration", "Die Dauer muss ein Vielfaches von 5 Minuten sein."));
        if (d.BufferMinutes is < 0 or > MaxBufferMinutes || d.BufferMinutes % 5 != 0)
            Add(new("buffer", $"Die Pufferzeit liegt zwischen 0 und {MaxBufferMinutes} Minuten, in 5-Minuten-Schritten."));
        if (d.PriceCents is < 0 or > MaxPriceCents)
            Add(new("price", $"Der Preis liegt zwischen 0 und {MaxPriceCents / 100:N0} €."));
        if (d.MinimumNoticeMinutes is < 0 or > MaxNoticeMinutes)
            Add(new("minimumNotice", "Die Vorlaufzeit liegt zwischen 0 Minuten und 30 Tagen."));
        if (d.CancellationNoticeHours is < 0 or > MaxCancellationNoticeHours)
            Add(new("cancellationNotice", "Die Stornofrist liegt zwischen 0 Stunden und 30 Tagen."));
        return errors;
    }
}
