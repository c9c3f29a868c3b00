namespace AskPro.Core.Onboarding.ValidateSetup;

/// <summary>Is the company ready to go live? Blocking: no service, a service nobody performs,
/// a branch without opening hours, without a number or without a provisioned agent. Warnings:
/// no closures planned, staff without e-mail (no invitation, no notices), services without a
/// price (the agent cannot name one). Each problem names the wizard step that fixes it.</summary>
public sealed class ValidateSetup(ISetupFacts facts)
{
    public async Task<SetupValidation> RunAsync(CancellationToken ct) => Check(await facts.ReadAsync(ct));

    public static SetupValidation Check(SetupFacts facts)
    {
        var d = facts.Directory;
        var blocking = new List<SetupProblem>();
        var warnings = new List<SetupProblem>();

        if (d.Branches.Count == 0) blocking.Add(new("no-branch", "Es ist noch kein Standort angelegt.", SetupSteps.Branches));
        if (d.Services.Count == 0) blocking.Add(new("no-service", "Es ist noch keine Dienstleistung angelegt.", SetupSteps.Services));
        foreach (var service in d.Services.Where(s => !d.Staff.Any(st => st.Services.Any(x => x.Id == s.Id))))
            blocking.Add(new("service-unperformed", $"„{service.Name}“ führt niemand aus: bitte mindestens einer Mitarbeiterin oder einem Mitarbeiter zuordnen.", SetupSteps.Staff));

        var many = d.Branches.Count > 1;
        foreach (var branch in d.Branches)
        {
            var at = many ? $" ({branch.Name})" : "";
            if (branch.OpeningHours.Count == 0) blocking.Add(new("no-opening-hours", $"Es sind keine Öffnungszeiten eingetragen{at}.", SetupSteps.Hours));
            if (!facts.BranchesWithNumber.Contains(branch.Id)) blocking.Add(new("no-number", $"Es ist noch keine Rufnummer für den Telefonassistenten eingerichtet{at}.", SetupSteps.Number));
            if (!facts.BranchesWithAgent.Contains(branch.Id)) blocking.Add(new("agent-not-provisioned", $"Der Telefonassistent ist noch nicht eingerichtet{at}.", SetupSteps.Agent));
            if (branch.Closures.Count == 0) warnings.Add(new("no-closures", $"Es sind keine Schließzeiten (Urlaub, Betriebsferien) eingetragen{at}.", SetupSteps.Hours));
        }

        foreach (var staff in d.Staff.Where(s => string.IsNullOrWhiteSpace(s.Email)))
            warnings.Add(new("staff-without-email", $"{staff.Name} hat keine E-Mail-Adresse (keine Einladung ins Portal möglich).", SetupSteps.Staff));
        foreach (var service in d.Services.Where(s => s.Price.Cents <= 0))
            warnings.Add(new("service-without-price", $"„{service.Name}“ hat keinen Preis: der Telefonassistent kann Anrufern keinen nennen.", SetupSteps.Services));

        return new SetupValidation(blocking, warnings);
    }
}
