namespace AskPro.Core.Onboarding;

/// <summary>The onboarding wizard's steps, by key: a validation problem names the step that
/// fixes it, and <see cref="Directory.Company.OnboardingStep"/> stores the step reached.</summary>
public static class SetupSteps
{
    public const string Company = "company";
    public const string Branches = "branches";
    public const string Services = "services";
    public const string Staff = "staff";
    public const string Hours = "hours";
    public const string Calendar = "calendar";
    public const string Agent = "agent";
    public const string Number = "number";
    public const string Validation = "validation";
    public const string TestCall = "test-call";
    public const string GoLive = "go-live";

    /// <summary>In the wizard's order.</summary>
    public static readonly IReadOnlyList<string> All = [Company, Branches, Services, Staff, Hours, Calendar, Agent, Number, Validation, TestCall, GoLive];

    /// <summary>The position of a step; an empty or unknown key is the first step.</summary>
    public static int IndexOf(string? step)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == step) return i;
        return 0;
    }

    /// <summary>The share of steps done when the admin stands at <paramref name="step"/>, 0–100.</summary>
    public static int PercentDone(string? step) => string.IsNullOrEmpty(step) ? 0 : IndexOf(step) * 100 / All.Count;
}
