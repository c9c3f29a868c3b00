using System.Text.Json;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Telephony;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Telephony;

public static class RetellEndpoints
{
    /// <summary>Function calls are small; the call object they carry is at most a few KB.</summary>
    public const int MaxFunctionBodyBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Envelope = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapRetell(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/retell/functions", CallFunctionAsync).WithTags("Retell").ExcludeFromDescription();
        return app;
    }

    /// <summary>Raw body → signature → envelope. A voice agent cannot act on HTTP errors, so
    /// every verified request gets 200 with an envelope; only a bad signature gets 401.</summary>
    private static async Task<Results<Ok<FunctionReply>, UnauthorizedHttpResult, StatusCodeHttpResult>> CallFunctionAsync(
        HttpRequest request, FunctionCallHandler handler, IOptions<RetellOptions> retell, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(request, MaxFunctionBodyBytes, ct);
        if (body is null) return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!RetellSignature.Verify(body, request.Headers[RetellSignature.Header], retell.Value.ApiKey, clock.GetUtcNow(),
                TimeSpan.FromSeconds(retell.Value.MaxSignatureAgeSeconds)))
        {
            logs.CreateLogger("AskPro.Retell").LogWarning("Function call with a missing or bad signature refused");
            return TypedResults.Unauthorized();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return TypedResults.Ok(FunctionReply.Fail("invalid_input", "Die Anfrage war nicht lesbar."));
        }
        using (document)
        {
            return TypedResults.Ok(await handler.HandleAsync(document.RootElement, ct));
        }
    }
}

/// <summary>The request body as the exact bytes that were signed, read once: straight into an
/// array of the declared length, or (chunked) into a growing one, never past the limit.</summary>
public static class RawBody
{
    /// <returns>Null when the body is larger than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
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
}
