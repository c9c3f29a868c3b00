using System.Text.Json;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Telephony;
using AskPro.Web.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AskPro.Web.Telephony;

public static class RetellEndpoints
{
    /// <summary>Function calls are small; the call object they carry is at most a few KB.</summary>
    public const int MaxFunctionBodyBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Envelope = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapRetell(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/retell/functions", CallFunctionAsync).WithTags("Retell").ExcludeFromDescription()
            .WithMetadata(new SignedEndpoint(MaxFunctionBodyBytes))
            .AddEndpointFilter<RetellSignatureFilter>();
        return app;
    }

    /// <summary>Verified by <see cref="RetellSignatureFilter"/> (bad signature → 401). A voice agent
    /// cannot act on HTTP errors, so every verified request gets 200 with an envelope.</summary>
    private static async Task<Ok<FunctionReply>> CallFunctionAsync(SignedBody signed, FunctionCallHandler handler, CancellationToken ct)
    {
        var body = signed.Bytes;
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
