using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.ValidateSetup;

/// <summary>What the validation looks at: the directory (active services and staff only), the
/// branches that have a number for the phone agent, and those whose agent is provisioned.</summary>
public sealed record SetupFacts(DirectorySnapshot Directory, IReadOnlySet<Guid> BranchesWithNumber, IReadOnlySet<Guid> BranchesWithAgent);

/// <summary>Reads <see cref="SetupFacts"/> for the current tenant.</summary>
public interface ISetupFacts
{
    Task<SetupFacts> ReadAsync(CancellationToken ct);
}
