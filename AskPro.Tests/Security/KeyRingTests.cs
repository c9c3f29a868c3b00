using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using AskPro.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Security;

/// <summary>The key ring in Microsoft's EF Core key store: keys written by AskPro's former
/// store survive the migration, and with a certificate configured no key is stored in clear.</summary>
public sealed class KeyRingTests
{
    private const string Secret = "calcom-webhook-secret-4711";

    [Fact]
    public Task A_secret_encrypted_before_the_switch_still_decrypts_after_it_on_SQLite() => OldKeysSurviveAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task A_secret_encrypted_before_the_switch_still_decrypts_after_it_on_PostgreSQL() => OldKeysSurviveAsync(DatabaseProvider.Postgres);

    private static async Task OldKeysSurviveAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Platform())
        {
            // Back to the schema the former store wrote to, then a key ring exactly as it stored
            // it: one row per key element, the element's XML unformatted.
            var migrations = db.Database.GetMigrations().ToList();
            var switchover = migrations.FindIndex(m => m.EndsWith("_DataProtectionKeyStore", StringComparison.Ordinal));
            Assert.True(switchover > 0, "the key store migration is missing");
            await db.GetService<IMigrator>().MigrateAsync(migrations[switchover - 1]);
        }
        var (protectedSecret, elements) = ProtectWithAFreshKeyRing();
        await using (var db = database.Platform())
        {
            foreach (var (friendlyName, xml) in elements)
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({friendlyName}, {xml})""");
            await db.Database.MigrateAsync();
        }

        await using var app = Services(database, new());
        Assert.Equal(Secret, app.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
        await using var check = database.Platform();
        Assert.Equal(elements.Count, await check.DataProtectionKeys.CountAsync()); // the old key decrypted it: no new one was made
    }

    [Fact]
    public async Task With_a_certificate_keys_are_stored_encrypted_and_another_node_reads_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = TestServices.NewTempDirectory("askpro-cert");
        try
        {
            var pfx = Path.Combine(folder, "keyring.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=AskPro key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "geheim"));
            }
            var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "geheim" };

            string protectedSecret;
            await using (var node = Services(database, settings))
                protectedSecret = node.GetRequiredService<SecretProtector>().Protect(Secret);

            await using (var db = database.Platform())
            {
                var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
                Assert.NotEmpty(stored);
                Assert.All(stored, xml =>
                {
                    Assert.Contains("EncryptedData", xml);
                    Assert.DoesNotContain("unencrypted form", xml);
                });
            }
            await using var other = Services(database, settings);
            Assert.Equal(Secret, other.GetRequiredService<SecretProtector>().Unprotect(protectedSecret));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What AskPro's former store received from Data Protection: a new key ring
    /// (here written to a folder), and a secret protected with it.</summary>
    private static (string Protected, List<(string FriendlyName, string Xml)> Elements) ProtectWithAFreshKeyRing()
    {
        var folder = TestServices.NewTempDirectory("askpro-keyring");
        try
        {
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName("AskPro").PersistKeysToFileSystem(new DirectoryInfo(folder));
            using var provider = services.BuildServiceProvider();
            var protectedSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("AskPro.Secrets.v1").Protect(Secret);
            var elements = Directory.GetFiles(folder, "*.xml")
                .Select(f => (Path.GetFileNameWithoutExtension(f), System.Xml.Linq.XElement.Load(f).ToString(System.Xml.Linq.SaveOptions.DisableFormatting)))
                .ToList();
            Assert.NotEmpty(elements);
            return (protectedSecret, elements);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(TestDatabase database, Dictionary<string, string?> settings)
    {
        settings["Database:Provider"] = database.Provider.ToString();
        settings["Database:ConnectionString"] = database.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAskProPersistence(configuration);
        services.AddAskProDataProtection(configuration);
        return services.BuildServiceProvider();
    }
}
