using AskPro.Core.CustomerPortal;
using AskPro.Core.CustomerPortal.RedeemSignInLink;
using AskPro.Core.CustomerPortal.RequestSignInLink;
using AskPro.Core.CustomerPortal.UpdateMyDetails;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.CustomerPortal;

public static class CustomerPortalRegistration
{
    /// <summary>The customer portal's use cases (magic link, own details), its store and reads.</summary>
    public static IServiceCollection AddAskProCustomerPortal(this IServiceCollection services)
    {
        services.AddScoped<ICustomerPortalStore, CustomerPortalStore>();
        services.AddScoped<RequestSignInLink>();
        services.AddScoped<RedeemSignInLink>();
        services.AddScoped<UpdateMyDetails>();
        services.AddScoped<CustomerPortalQueries>();
        services.AddScoped<CustomerPortalCalls>();
        return services;
    }
}
