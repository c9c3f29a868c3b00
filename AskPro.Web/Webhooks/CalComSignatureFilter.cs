using System.Security.Cryptography;
using System.Text;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Webhooks;

/// <summary>Cal.com webhooks, one URL per tenant: body over the limit → 413, unknown tenant key
/// (or no secret set) → 404, X-Cal-Signature-256 not made with that tenant's own secret → 401.
/// On success the body carries the verified company.</summary>
public sealed class CalComSignatureFilter(AskProDbContext db, TenantContext tenant, SecretProtector secrets, AskProMetrics metrics, ILogger<CalComSignatureFilter> logger)
    : IEndpointFilter
{
    public const string Header = "X-Cal-Signature-256";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = SignedBody.Of(context);
        if (body.Received is null) return Refuse(http, "too_large", TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        var tenantKey = http.Request.RouteValues["tenantKey"] as string ?? "";
        if (tenantKey.Length > 64) return Refuse(http, "unknown_tenant", TypedResults.NotFound());

        tenant.EnterPlatformScope("cal.com webhook: resolve tenant key");
        // The secret lives in the database: while it is down the delivery cannot be verified,
        // so it is not acknowledged either (503, Cal.com sends it again).
        Guid companyId;
        string? secret;
        try
        {
            var row = await db.Companies.AsNoTracking().Where(c => c.TenantKey == tenantKey)
                .Select(c => new { c.Id, c.CalComWebhookSecretProtected }).FirstOrDefaultAsync(http.RequestAborted);
            (companyId, secret) = (row?.Id ?? Guid.Empty, row?.CalComWebhookSecretProtected);
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogError(ex, "Cal.com webhook not verified: the database did not answer");
            return RetryLater.Answer(http);
        }
        if (secret is null) return Refuse(http, "unknown_tenant", TypedResults.NotFound());

        if (!Verify(body.Received, http.Request.Headers[Header], secrets.Unprotect(secret)))
        {
            logger.LogWarning("Cal.com webhook with a bad signature for company {CompanyId} refused", companyId);
            return Refuse(http, "bad_signature", TypedResults.Unauthorized());
        }
        body.SignerCompanyId = companyId;
        return await next(context);
    }

    /// <summary>Hex HMAC-SHA256(raw body, the tenant's secret), compared in constant time.</summary>
    public static bool Verify(byte[] body, string? header, string secret)
    {
        if (string.IsNullOrEmpty(header) || header.Length != 64) return false;
        byte[] given;
        try { given = Convert.FromHexString(header); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    private IResult Refuse(HttpContext http, string outcome, IResult result)
    {
        metrics.Received(SignedBody.WebhookProvider(http) ?? "calcom", "unknown", outcome);
        return result;
    }
}
