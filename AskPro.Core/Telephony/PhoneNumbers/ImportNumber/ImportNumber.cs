using System.Text.RegularExpressions;
using AskPro.Core.Directory;
using AskPro.Core.Shared;
using AskPro.Core.Telephony.Provisioning;

namespace AskPro.Core.Telephony.PhoneNumbers.ImportNumber;

/// <summary>What the admin enters to bring the company's own number: the number in any spelling
/// a person types, the carrier's SIP trunk (termination URI) and, if the trunk wants them,
/// credentials (passed to the platform, never stored).</summary>
public sealed record NumberImportRequest(string Number, string TerminationUri, string? SipUser = null, string? SipPassword = null);

/// <summary>Imports a branch's existing number into the voice platform over SIP, binds it to the
/// branch's agent and stores it as the number whose calls reach this branch. Refused, with
/// nothing saved and nothing sent: an invalid number or trunk, a number another company has
/// (the answer does not say which), a branch without a provisioned agent. Audited.</summary>
public sealed partial class ImportNumber(ITenantDirectory directory, IVoiceAgentStore agents, IAgentNumberStore numbers, IVoiceAgentPlatform platform,
    AgentEndpoints endpoints, TimeProvider clock)
{
    public async Task<NumberOutcome> RunAsync(Guid branchId, NumberImportRequest request, string actor, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Branch(branchId) is not { } branch) return new NumberOutcome.NotFound();
        var errors = new List<FieldError>();
        if (!E164Number.TryParse(request.Number, branch.CountryCode, out var number))
            errors.Add(new("number", "Bitte eine gültige Telefonnummer angeben, z. B. +49 30 1234567."));
        var trunk = request.TerminationUri?.Trim() ?? "";
        if (!Trunk().IsMatch(trunk)) errors.Add(new("terminationUri", "Bitte die SIP-Adresse Ihres Anbieters angeben, z. B. meinbetrieb.sip-anbieter.de."));
        if ((request.SipUser?.Length ?? 0) > 128 || (request.SipPassword?.Length ?? 0) > 128 || (request.SipUser ?? "").Any(char.IsControl))
            errors.Add(new("sipUser", "Benutzername und Passwort des SIP-Zugangs dürfen höchstens 128 Zeichen lang sein."));
        if (errors.Count > 0) return new NumberOutcome.Invalid(errors);

        switch (await numbers.OwnerAsync(number!, ct))
        {
            case NumberOwner.AnotherCompany: return new NumberOutcome.Invalid("number", AgentNumberRules.TakenByAnother);
            case NumberOwner.ThisCompany own when own.BranchId == branchId: return new NumberOutcome.Assigned(number!);
            case NumberOwner.ThisCompany: return new NumberOutcome.Invalid("number", "Diese Rufnummer gehört schon zu einem anderen Standort Ihres Betriebs.");
        }
        if (await agents.FindAsync(branchId, ct) is not { IsProvisioned: true } agent) return new NumberOutcome.Invalid("agent", AgentNumberRules.AgentMissing);

        var imported = await platform.ImportNumberAsync(new NumberImport(number!, trunk, request.SipUser?.Trim(), request.SipPassword,
            $"{snapshot.Company.Name} – {branch.Name}"), agent.AgentId!, endpoints.WebhookUrl, ct);
        if (imported.Error is { Failure: PlatformFailure.Conflict })
        {
            // No company here has it, yet the platform does: left by an earlier import whose
            // answer was lost (one workspace per installation). Take it over for this agent.
            var bound = await platform.BindNumberAsync(number!, agent.AgentId!, endpoints.WebhookUrl, ct);
            if (!bound.Succeeded) return new NumberOutcome.Failed(bound.Error!);
        }
        else if (!imported.Succeeded) return new NumberOutcome.Failed(imported.Error!);

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PhoneNumber { Number = number!, BranchId = branchId, RetellAgentId = agent.AgentId, Origin = PhoneNumberOrigin.Imported, SipTerminationUri = trunk };
        return await numbers.AddAsync(row, AgentNumberRules.Audit(actor, "import", now, number!), ct)
            ? new NumberOutcome.Assigned(number!)
            : new NumberOutcome.Invalid("number", AgentNumberRules.TakenByAnother);
    }

    /// <summary>A SIP host (optionally "sip:", a port, a transport), as carriers hand them out.</summary>
    [GeneratedRegex(@"^(sips?:)?[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}(:\d{1,5})?(;transport=(udp|tcp|tls))?$")]
    private static partial Regex Trunk();
}
