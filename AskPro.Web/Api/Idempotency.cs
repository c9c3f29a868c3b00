using System.Security.Cryptography;
using System.Text;
using AskPro.Core.Access;
using AskPro.Infrastructure.Access;

namespace AskPro.Web.Api;

/// <summary>CONTRACTS.md: "A POST with an Idempotency-Key header returns the first answer again
/// for the same key (24 h)". The first request takes the key (a row, unique per company) before
/// it runs; its answer is kept unless it is worth retrying (5xx, 429), so a client that lost the
/// answer to a timeout can send the same request again and never books twice. The same key with
/// another body or route is refused (422), a repeat while the first still runs gets 409.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The body must be readable twice (once for the fingerprint, once for binding).</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.UseWhen(IsKeyedPost, a => a.Use((context, next) =>
        {
            context.Request.EnableBuffering();
            return next(context);
        }));

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!IsKeyedPost(http)) return await next(context);

            var key = http.Request.Headers[Header].ToString();
            if (!IsWellFormed(key))
                return RestApi.Invalid($"{Header} must be 1 to {IdempotentRequest.MaxKeyLength} visible ASCII characters.");

            var store = http.RequestServices.GetRequiredService<IdempotentRequestStore>();
            var ct = http.RequestAborted;
            switch (await store.BeginAsync(key, await FingerprintAsync(http.Request, ct), ct))
            {
                case IdempotencyStart.Answered answered:
                    return new Replay(answered.Record);
                case IdempotencyStart.Running:
                    http.Response.Headers.RetryAfter = "1";
                    return TypedResults.Problem($"A request with this {Header} is still running; repeat it in a moment.",
                        statusCode: StatusCodes.Status409Conflict, title: "Request in progress");
                case IdempotencyStart.Mismatch:
                    return TypedResults.Problem($"This {Header} was used for a different request.",
                        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused");
            }

            try
            {
                var result = await next(context);
                return await KeepAsync(http, store, key, result, ct);
            }
            catch
            {
                // The key must not stay taken by a request that never answered: free it, then let the failure surface.
                await store.AbandonAsync(key, CancellationToken.None);
                throw;
            }
        });

    /// <summary>Executes the endpoint's result into a buffer, keeps it (or frees the key), then sends it.</summary>
    private static async Task<IResult> KeepAsync(HttpContext http, IdempotentRequestStore store, string key, object? result, CancellationToken ct)
    {
        if (result is not IResult answer)
        {
            await store.AbandonAsync(key, ct);
            return Results.Problem("The request did not produce an answer.", statusCode: StatusCodes.Status500InternalServerError);
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests) await store.AbandonAsync(key, ct);
        else await store.CompleteAsync(key, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body, ct);

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
        return Results.Empty;
    }

    private static bool IsKeyedPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Headers.ContainsKey(Header);

    private static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= IdempotentRequest.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The first answer, byte for byte, marked as a replay.</summary>
    private sealed class Replay(IdempotentRequest first) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = first.StatusCode ?? StatusCodes.Status500InternalServerError;
            if (first.ContentType is not null) http.Response.ContentType = first.ContentType;
            if (first.Location is not null) http.Response.Headers.Location = first.Location;
            http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.WriteAsync(first.Body ?? "", http.RequestAborted);
        }
    }
}
