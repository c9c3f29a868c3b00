namespace AskPro.Core.Onboarding;

/// <summary>The wizard's steps in order, by the key stored as the company's progress
/// (<see cref="Directory.Company.OnboardingStep"/>).</summary>
public static class OnboardingSteps
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
    public const string TestCall = "testcall";
    public const string GoLive = "golive";

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
