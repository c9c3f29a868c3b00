using AskPro.Core.Onboarding;
using AskPro.Core.Onboarding.GoLive;
using AskPro.Core.Onboarding.ReactivateCompany;
using AskPro.Core.Onboarding.SuspendCompany;
using AskPro.Core.Onboarding.ValidateSetup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AskPro.Infrastructure.Onboarding;

public static class OnboardingRegistration
{
    /// <summary>A company's way to going live (validation, go live) and the platform's suspend /
    /// reactivate. Scoped, like the portal's commands (they share the circuit's tenant).</summary>
    public static IServiceCollection AddAskProOnboarding(this IServiceCollection services)
    {
        services.AddScoped<ISetupFacts, SetupFactsReader>();
        services.TryAddScoped<AskPro.Infrastructure.Portal.PlatformScope>();
        services.AddScoped<ICompanyLifecycleStore, CompanyLifecycleStore>();
        services.AddScoped<ValidateSetup>();
        services.AddScoped<GoLive>();
        services.AddScoped<SuspendCompany>();
        services.AddScoped<ReactivateCompany>();

        // Sign-up and the wizard's own steps (the directory steps use the directory's commands).
        services.AddScoped<Core.Onboarding.SignUp.ISignUpStore, SignUpStore>();
        services.AddScoped<Core.Onboarding.SignUp.SignUp>();
        services.AddScoped<IOnboardingStore, OnboardingStore>();
        services.AddScoped<Core.Onboarding.SaveCompanyDetails.SaveCompanyDetails>();
        services.AddScoped<Core.Onboarding.RecordProgress.RecordProgress>();
        return services;
    }
}
