using AskPro.Core.Access;
using AskPro.Core.Access.CreateApiKey;
using AskPro.Core.Access.RevokeApiKey;
using AskPro.Core.Customers.AddCustomer;
using AskPro.Core.Directory;
using AskPro.Core.Directory.RecordAbsence;
using AskPro.Core.Directory.SaveBranch;
using AskPro.Core.Directory.SaveService;
using AskPro.Core.Directory.SaveStaff;
using AskPro.Core.Directory.WithdrawAbsence;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Access;
using AskPro.Infrastructure.CustomerPortal;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Portal;

public static class PortalRegistration
{
    /// <summary>The portal's read models and the commands its pages call. Scoped: in a Blazor
    /// circuit they share the circuit's tenant, and each call opens its own short-lived context.</summary>
    public static IServiceCollection AddAskProPortal(this IServiceCollection services)
    {
        services.AddScoped<PlatformScope>();
        services.AddScoped<IDashboardQueries, DashboardQueries>();
        services.AddScoped<IAppointmentQueries, AppointmentQueries>();
        services.AddScoped<ICallQueries, CallQueries>();
        services.AddScoped<ICustomerQueries, CustomerQueries>();
        services.AddScoped<IInboxQueries, InboxQueries>();
        services.AddScoped<DeadLetterReplay>();
        services.AddScoped<IOperationsQueries, OperationsQueries>();
        services.AddScoped<ICompanyQueries, CompanyQueries>();
        services.AddScoped<IApiKeyQueries, ApiKeyQueries>();

        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddScoped<IdempotentRequestStore>();
        services.AddScoped<CreateApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AddCustomer>();
        services.AddScoped<Core.Customers.ICustomerDataStore, Customers.CustomerDataStore>();
        services.AddScoped<Core.Customers.ExportCustomerData.ExportCustomerData>();
        services.AddScoped<Core.Customers.EraseCustomer.EraseCustomer>();
        services.AddScoped<Core.Customers.EditCustomer.EditCustomer>();
        services.AddScoped<Core.Customers.MergeCustomers.MergeCustomers>();
        services.AddScoped<ICustomerDetailQueries, CustomerDetailQueries>();
        services.AddScoped<IAuditQueries, AuditQueries>();

        services.AddScoped<IDirectoryQueries, DirectoryQueries>();
        services.AddScoped<ICalendarQueries, CalendarQueries>();
        services.AddScoped<IWaitlistQueries, WaitlistQueries>();
        services.AddScoped<EngineCalls>();
        services.AddScoped<OnlineBooking.PublicCompanies>();
        services.AddScoped<OnlineBooking.OnlineBookingCalls>();
        services.AddScoped<OnlineBooking.OnlineBookingSettings>();
        services.AddAskProCustomerPortal();
        services.AddScoped<Calendars.CalCom.Connect.CalComConnectionSettings>();
        services.AddScoped<IDirectoryStore, CompanyDirectory.DirectoryStore>();
        services.AddScoped<SaveBranch>();
        services.AddScoped<SaveService>();
        services.AddScoped<SaveStaff>();
        services.AddScoped<RecordAbsence>();
        services.AddScoped<WithdrawAbsence>();
        return services;
    }
}
