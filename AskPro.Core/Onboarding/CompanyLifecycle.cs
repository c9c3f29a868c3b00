using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding;

/// <summary>Whose number the phone agent serves: only a live company's. A Draft company's
/// number takes test calls (web calls started with the installation's key: the wizard's
/// simulator, the voice platform's dashboard), never a caller's phone call; a suspended
/// company's takes nothing.</summary>
public static class CompanyLifecycle
{
    /// <summary>What a caller hears when the company is not live (function envelope, call_inbound).</summary>
    public const string NotLiveSentence = "Diese Rufnummer ist noch nicht freigeschaltet. Bitte versuchen Sie es später noch einmal. Auf Wiederhören.";

    /// <summary>The function envelope's status for it.</summary>
    public const string NotLiveStatus = "not_live";

    public static bool Answers(CompanyStatus status, bool isTestCall) =>
        status == CompanyStatus.Active || (status == CompanyStatus.Draft && isTestCall);
}
