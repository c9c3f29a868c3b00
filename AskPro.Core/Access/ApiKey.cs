using System.Security.Cryptography;
using System.Text;
using AskPro.Core.Shared;

namespace AskPro.Core.Access;

/// <summary>A company's key for the REST API. Only the SHA-256 of the key is stored; the key
/// itself is shown once, when it is created.</summary>
public sealed class ApiKey : TenantEntity
{
    public required string Name { get; set; }

    /// <summary>The first characters of the key, so people can tell their keys apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: "ak_" and 40 url-safe characters.</summary>
    public static string NewSecret() =>
        "ak_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
