using System.Security.Cryptography;
using System.Text;
using AskPro.Core.Shared;

namespace AskPro.Core.CustomerPortal;

/// <summary>A magic link a customer asked for: it signs them in to their company's customer
/// portal once, within <see cref="Lifetime"/>. Only the token's hash is stored, so a copy of the
/// database opens nobody's portal.</summary>
public sealed class CustomerSignInLink : TenantEntity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Guid CustomerId { get; set; }

    /// <summary>SHA-256 of the token (hex).</summary>
    public required string TokenHash { get; set; }

    /// <summary>The appointment the customer came for (a notification's link): the portal opens on it.</summary>
    public Guid? AppointmentId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Set when the link signed someone in; a used link never works again.</summary>
    public DateTime? UsedAtUtc { get; set; }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
