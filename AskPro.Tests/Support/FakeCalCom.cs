using System.Security.Cryptography;
using System.Text;

namespace AskPro.Tests.Support;

/// <summary>Stands in for Cal.com: posts booking webhooks to a company's URL, signed as Cal.com
/// signs them (<c>X-Cal-Signature-256</c> = hex HMAC-SHA256 of the raw body with the secret).</summary>
public static class FakeCalCom
{
    public const string SalonSecret = "demo-calcom-secret-salon";

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string body, string secret = SalonSecret, string tenantKey = "demo-salon")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/calcom/{tenantKey}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Cal-Signature-256", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        return await client.SendAsync(request);
    }
}
