using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Telephony;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Webhooks;

/// <summary>Retell's webhooks and function calls: body over the limit → 413, missing, stale or
/// wrong X-Retell-Signature → 401; neither reaches the handler.</summary>
public sealed class RetellSignatureFilter(IOptions<RetellOptions> retell, TimeProvider clock, AskProMetrics metrics, ILogger<RetellSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = SignedBody.Of(context);
        if (body.Received is null) return Refuse(http, "too_large", TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
        if (!RetellSignature.Verify(body.Received, http.Request.Headers[RetellSignature.Header], retell.Value.ApiKey, clock.GetUtcNow(),
                TimeSpan.FromSeconds(retell.Value.MaxSignatureAgeSeconds)))
        {
            logger.LogWarning("Retell request to {Path} with a missing or bad signature refused", http.Request.Path.Value);
            return Refuse(http, "bad_signature", TypedResults.Unauthorized());
        }
        return await next(context);
    }

    private IResult Refuse(HttpContext http, string outcome, IResult result)
    {
        if (SignedBody.WebhookProvider(http) is { } provider) metrics.Received(provider, "unknown", outcome);
        return result;
    }
}
