using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.SaveCompanyDetails;

/// <summary>What the admin enters about the company in the wizard's first step.</summary>
public sealed record CompanyDetails(string Name, string Industry, string CountryCode, string TimeZoneId, string Language);

/// <summary>Changes the current company's name, industry, country (DE/AT/CH), time zone and
/// language. Invalid input changes nothing; audited.</summary>
public sealed class SaveCompanyDetails(IOnboardingStore store, TimeProvider clock)
{
    public static readonly string[] Languages = ["de", "en"];

    /// <summary>The time zones a company in the three countries uses.</summary>
    public static readonly string[] TimeZones = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"];

    public Task<DirectoryOutcome> RunAsync(CompanyDetails details, string actor, CancellationToken ct)
    {
        var errors = Check(details);
        if (errors.Count > 0) return Task.FromResult<DirectoryOutcome>(new DirectoryOutcome.Invalid(errors));
        var audit = DirectoryAudit.Of(actor, nameof(Company), null, "update", clock.GetUtcNow().UtcDateTime);
        return store.SaveCompanyAsync(company =>
        {
            company.Name = details.Name.Trim();
            company.Industry = details.Industry;
            company.CountryCode = details.CountryCode;
            company.TimeZoneId = details.TimeZoneId;
            company.Language = details.Language;
            return [];
        }, audit, ct);
    }

    public static IReadOnlyList<FieldError> Check(CompanyDetails d)
    {
        var errors = new List<FieldError>();
        void Add(FieldError? e) { if (e is not null) errors.Add(e); }
        Add(DirectoryAudit.CheckText(d.Name, "name", "Der Firmenname", 100, "Bitte den Namen Ihres Unternehmens angeben."));
        if (!IndustryTemplates.IndustryTemplates.All.Any(t => t.Key == d.Industry)) Add(new("industry", "Bitte eine Branche wählen."));
        if (!Directory.SaveBranch.SaveBranch.Countries.Contains(d.CountryCode)) Add(new("country", "Bitte ein Land wählen (Deutschland, Österreich, Schweiz)."));
        if (!TimeZones.Contains(d.TimeZoneId)) Add(new("timeZone", "Bitte eine Zeitzone wählen."));
        if (!Languages.Contains(d.Language)) Add(new("language", "Bitte eine Sprache wählen."));
        return errors;
    }
}
