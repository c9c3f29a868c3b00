using System.Xml.Linq;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskPro.Infrastructure.Security;

/// <summary>Keeps the Data Protection key ring in the database, so every node and every
/// redeploy decrypts the secrets another encrypted. (The EF package for this is not available.)</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = PlatformScope(out var db);
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = PlatformScope(out var db);
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    private IServiceScope PlatformScope(out AskProDbContext db)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("data protection key ring");
        db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        return scope;
    }
}

public static class SecurityRegistration
{
    public static IServiceCollection AddAskProDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("AskPro");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddSingleton<SecretProtector>();
        return services;
    }
}

/// <summary>Encrypts provider keys and webhook secrets at rest. The one purpose string keeps
/// these values unreadable to any other protector in the app.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AskPro.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
