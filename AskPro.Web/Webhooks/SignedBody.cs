using System.Reflection;

namespace AskPro.Web.Webhooks;

/// <summary>Endpoint metadata for a signed endpoint: how large its body may be and, for a
/// webhook, the provider its refusals are counted under.</summary>
public sealed record SignedEndpoint(int MaxBodyBytes, string? WebhookProvider = null);

/// <summary>The request body as the exact bytes that were signed, read once when the handler's
/// arguments are bound. A signature filter (<see cref="RetellSignatureFilter"/>,
/// <see cref="CalComSignatureFilter"/>) refuses the request before the handler runs unless the
/// body is within the endpoint's limit and its signature is valid, so a handler only ever sees
/// verified bytes.</summary>
public sealed class SignedBody
{
    private byte[]? _bytes;

    /// <summary>Null when the body was larger than the endpoint's limit.</summary>
    internal byte[]? Received => _bytes;

    /// <summary>Set by a filter that verified the signature against this company's own secret.</summary>
    public Guid? SignerCompanyId { get; internal set; }

    public byte[] Bytes => _bytes ?? throw new InvalidOperationException("The body exceeded its limit; the signature filter refuses such a request.");

    public static async ValueTask<SignedBody> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<SignedEndpoint>()?.MaxBodyBytes
            ?? throw new InvalidOperationException("A signed endpoint needs SignedEndpoint metadata.");
        return new SignedBody { _bytes = await ReadAsync(http.Request, limit, http.RequestAborted) };
    }

    /// <summary>Straight into an array of the declared length, or (chunked) into a growing one,
    /// never past the limit. Null when the body is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit) return null;
            var exact = new byte[declared];
            // Kestrel ends the request with an error if fewer bytes arrive than declared.
            await request.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }

        var buffer = new byte[Math.Min(16 * 1024, limit + 1)];
        var size = 0;
        while (true)
        {
            if (size == buffer.Length)
            {
                if (size > limit) return null;
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1L));
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(size), ct);
            if (read == 0) return buffer.AsSpan(0, size).ToArray();
            size += read;
            if (size > limit) return null;
        }
    }

    /// <summary>The bound body of a filtered endpoint; a refusal result when it was too large.</summary>
    internal static SignedBody Of(EndpointFilterInvocationContext context) =>
        context.Arguments.OfType<SignedBody>().SingleOrDefault() ?? throw new InvalidOperationException("A signed endpoint's handler takes a SignedBody.");

    internal static string? WebhookProvider(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<SignedEndpoint>()?.WebhookProvider;
}
