using AskPro.Core.Events;
using AskPro.Core.Telephony.Provisioning;
using AskPro.Core.Telephony.Provisioning.ProvisionAgent;

namespace AskPro.Infrastructure.Events.Subscribers;

/// <summary>Keeps the company's phone agents saying what is true: after a change of services,
/// hours, staff or the company's name, every agent already provisioned gets the new prompt (an
/// unchanged prompt sends nothing). A platform that is unreachable right now fails the delivery,
/// so the outbox tries again later; a refusal is kept on the agent's row for the wizard.</summary>
public sealed class AgentSync(IServiceProvider services) : IEventSubscriber<DirectoryChanged>
{
    public async Task HandleAsync(DirectoryChanged @event, CancellationToken ct)
    {
        // Compositions without the phone path (some engine tests) have no agents to update.
        if (services.GetService(typeof(ProvisionAgent)) is not ProvisionAgent provision) return;
        foreach (var outcome in await provision.SyncAsync(ct))
            if (outcome is ProvisioningOutcome.Failed { Error.Failure: PlatformFailure.Unavailable or PlatformFailure.Timeout or PlatformFailure.RateLimited } failed)
                throw new InvalidOperationException("Agent update not delivered: " + failed.Error.Failure);
    }
}
