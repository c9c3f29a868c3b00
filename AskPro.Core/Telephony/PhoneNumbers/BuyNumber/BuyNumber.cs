using AskPro.Core.Directory;
using AskPro.Core.Telephony.Provisioning;

namespace AskPro.Core.Telephony.PhoneNumbers.BuyNumber;

/// <summary>Buys a new number for the branch through the voice platform, for an area code, bound
/// to the branch's agent, and stores it as the branch's number. Retell sells numbers in the US
/// and Canada only (3-digit area codes); German, Austrian and Swiss numbers are imported
/// (<see cref="ImportNumber.ImportNumber"/>). Audited.</summary>
public sealed class BuyNumber(ITenantDirectory directory, IVoiceAgentStore agents, IAgentNumberStore numbers, IVoiceAgentPlatform platform,
    AgentEndpoints endpoints, TimeProvider clock)
{
    public async Task<NumberOutcome> RunAsync(Guid branchId, string areaCode, string actor, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Branch(branchId) is not { } branch) return new NumberOutcome.NotFound();
        var code = areaCode?.Trim() ?? "";
        if (code.Length != 3 || !int.TryParse(code, out var area) || area < 200)
            return new NumberOutcome.Invalid("areaCode",
                "Neue Nummern verkauft der Telefonanbieter nur mit dreistelliger Vorwahl aus den USA oder Kanada (z. B. 415). Eine deutsche, österreichische oder Schweizer Nummer bitte importieren.");
        if (await agents.FindAsync(branchId, ct) is not { IsProvisioned: true } agent) return new NumberOutcome.Invalid("agent", AgentNumberRules.AgentMissing);

        var bought = await platform.BuyNumberAsync(area, $"{snapshot.Company.Name} – {branch.Name}", agent.AgentId!, endpoints.WebhookUrl, ct);
        if (!bought.Succeeded) return new NumberOutcome.Failed(bought.Error!);
        var number = bought.Value!.Number;
        var row = new PhoneNumber { Number = number, BranchId = branchId, RetellAgentId = agent.AgentId, Origin = PhoneNumberOrigin.Bought };
        return await numbers.AddAsync(row, AgentNumberRules.Audit(actor, "buy", clock.GetUtcNow().UtcDateTime, number), ct)
            ? new NumberOutcome.Assigned(number)
            : new NumberOutcome.Invalid("areaCode", AgentNumberRules.TakenByAnother);
    }
}
