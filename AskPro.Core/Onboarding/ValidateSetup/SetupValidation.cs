namespace AskPro.Core.Onboarding.ValidateSetup;

/// <summary>One thing wrong with a company's setup, in German, with the wizard step that fixes
/// it (<see cref="SetupSteps"/>) and a stable code for tests and links.</summary>
public sealed record SetupProblem(string Code, string Message, string Step);

/// <summary>Blocking problems keep the company from going live; warnings do not.</summary>
public sealed record SetupValidation(IReadOnlyList<SetupProblem> Blocking, IReadOnlyList<SetupProblem> Warnings)
{
    public bool CanGoLive => Blocking.Count == 0;
}
