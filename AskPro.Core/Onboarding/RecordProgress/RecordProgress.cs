namespace AskPro.Core.Onboarding.RecordProgress;

/// <summary>Moves the company's bookmark in the wizard forward to a step whose predecessor was
/// saved; going back to look at an earlier step never moves it back.</summary>
public sealed class RecordProgress(IOnboardingStore store)
{
    /// <returns>The step now stored.</returns>
    public async Task<string> ReachAsync(string step, CancellationToken ct)
    {
        if (!SetupSteps.All.Contains(step)) throw new ArgumentException($"Unknown onboarding step '{step}'.", nameof(step));
        var current = (await store.CurrentAsync(ct))?.OnboardingStep ?? "";
        if (current.Length > 0 && SetupSteps.IndexOf(current) >= SetupSteps.IndexOf(step)) return current;
        await store.SetStepAsync(step, ct);
        return step;
    }
}
