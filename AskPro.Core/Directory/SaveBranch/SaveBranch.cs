using AskPro.Core.Shared;

namespace AskPro.Core.Directory.SaveBranch;

/// <summary>What a company admin enters for a branch.</summary>
public sealed record BranchDetails(
    string Name,
    string Street,
    string PostalCode,
    string City,
    string CountryCode,
    string Region,
    string TimeZoneId,
    string? Phone,
    IReadOnlyList<WeeklyInterval> OpeningHours,
    IReadOnlyList<Closure> Closures,
    IReadOnlyList<string> OpenOnHolidays);

/// <summary>Creates (no id) or changes a branch: address, the region whose public holidays apply
/// (and the holidays it opens on anyway), phone, opening hours with several intervals a day,
/// closures with their reasons. Invalid input changes nothing; audited.</summary>
public sealed class SaveBranch(IDirectoryStore store, TimeProvider clock)
{
    public const int MaxClosureDays = 366;
    public static readonly string[] Countries = ["DE", "AT", "CH"];

    public Task<DirectoryOutcome> RunAsync(Guid? branchId, BranchDetails details, string actor, CancellationToken ct)
    {
        var errors = Check(details, out var phone);
        if (errors.Count > 0) return Task.FromResult<DirectoryOutcome>(new DirectoryOutcome.Invalid(errors));
        var audit = DirectoryAudit.Saved(actor, nameof(Branch), branchId, clock.GetUtcNow().UtcDateTime);
        return store.SaveBranchAsync(branchId, branch =>
        {
            branch.Name = details.Name.Trim();
            branch.Street = details.Street?.Trim() ?? "";
            branch.PostalCode = details.PostalCode?.Trim() ?? "";
            branch.City = details.City?.Trim() ?? "";
            branch.CountryCode = details.CountryCode;
            branch.Region = details.Region ?? "";
            branch.TimeZoneId = details.TimeZoneId;
            branch.Phone = phone;
            branch.OpeningHours = [.. details.OpeningHours.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
            branch.Closures = [.. details.Closures.OrderBy(c => c.From).Select(c => new Closure { From = c.From, To = c.To, Reason = c.Reason.Trim() })];
            branch.OpenOnHolidays = [.. details.OpenOnHolidays.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct()];
            return [];
        }, audit, ct);
    }

    public static IReadOnlyList<FieldError> Check(BranchDetails d, out E164Number? phone)
    {
        var errors = new List<FieldError>();
        void Add(FieldError? e) { if (e is not null) errors.Add(e); }
        Add(DirectoryAudit.CheckText(d.Name, "name", "Der Name", 100, "Bitte einen Namen angeben."));
        Add(DirectoryAudit.CheckText(d.Street, "street", "Die Straße", 200));
        Add(DirectoryAudit.CheckText(d.PostalCode, "postalCode", "Die Postleitzahl", 10));
        Add(DirectoryAudit.CheckText(d.City, "city", "Der Ort", 100));
        if (!Countries.Contains(d.CountryCode)) Add(new("country", "Bitte ein Land wählen (Deutschland, Österreich, Schweiz)."));
        if (!string.IsNullOrEmpty(d.Region) && (!Regions.IsKnown(d.Region) || !d.Region.StartsWith(d.CountryCode + "-", StringComparison.Ordinal)))
            Add(new("region", "Das Bundesland / der Kanton passt nicht zum Land."));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZoneId ?? "", out _)) Add(new("timeZone", "Unbekannte Zeitzone."));
        phone = null;
        if (!string.IsNullOrWhiteSpace(d.Phone) && !E164Number.TryParse(d.Phone, d.CountryCode, out phone))
            Add(new("phone", "Bitte eine gültige Telefonnummer angeben."));
        errors.AddRange(WeeklyHours.Check(d.OpeningHours, "openingHours"));
        foreach (var c in d.Closures)
        {
            var span = $"Schließzeit {c.From:dd.MM.yyyy}–{c.To:dd.MM.yyyy}";
            if (c.To < c.From) Add(new("closures", $"{span}: das Ende liegt vor dem Beginn."));
            else if (c.To.DayNumber - c.From.DayNumber >= MaxClosureDays) Add(new("closures", $"{span}: höchstens {MaxClosureDays} Tage am Stück."));
            Add(DirectoryAudit.CheckText(c.Reason, "closures", $"{span}: der Grund", 200, $"{span}: bitte einen Grund angeben (die Anrufer hören ihn)."));
        }
        if (d.OpenOnHolidays.Count > 30) Add(new("holidays", "Höchstens 30 Feiertage mit Öffnung."));
        return errors;
    }
}
