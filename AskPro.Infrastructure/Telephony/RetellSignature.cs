using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Retell's signature: <c>X-Retell-Signature: v=&lt;unix-ms&gt;,d=&lt;hex&gt;</c> with
/// hex = HMAC-SHA256(key = API key, message = raw body + unix-ms). Verified on the raw bytes,
/// in constant time, within a replay window.</summary>
public static class RetellSignature
{
    public const string Header = "X-Retell-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string apiKey, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"v={timestamp},d={Convert.ToHexStringLower(Digest(body, timestamp, apiKey))}";
    }

    public static bool Verify(ReadOnlySpan<byte> body, string? header, string apiKey, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 200) return false;
        string? timestamp = null, digest = null;
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("v=", StringComparison.Ordinal)) timestamp = pair[2..];
            else if (pair.StartsWith("d=", StringComparison.Ordinal)) digest = pair[2..];
        }
        if (timestamp is null || digest is null || digest.Length != 64) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return false;
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, 253402300799999));
        if ((now - sent).Duration() > maxAge) return false;

        byte[] given;
        try { given = Convert.FromHexString(digest); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, Digest(body, timestamp, apiKey));
    }

    private static byte[] Digest(ReadOnlySpan<byte> body, string timestamp, string apiKey)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(apiKey));
        hmac.AppendData(body);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        return hmac.GetHashAndReset();
    }
}
