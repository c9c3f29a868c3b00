using System.Security.Cryptography.X509Certificates;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Security;

/// <summary>Section "DataProtection". Without a certificate the key ring is stored as Data
/// Protection writes it (keys readable by whoever can read the database); with one, every key
/// is encrypted with the certificate's public key before it is stored.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx) with the private key, e.g. mounted from a secret store.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public static class SecurityRegistration
{
    /// <summary>The key ring lives in the database (Microsoft's EF Core key store), so every node
    /// and every redeploy decrypts the secrets another encrypted.</summary>
    public static IServiceCollection AddAskProDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>() ?? new DataProtectionOptions();
        var builder = services.AddDataProtection().SetApplicationName("AskPro").PersistKeysToDbContext<AskProDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{DataProtectionOptions.Section}:CertificatePath must name a certificate with its private key.");
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
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
