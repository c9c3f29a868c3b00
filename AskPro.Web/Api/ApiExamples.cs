using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AskPro.Web.Api;

/// <summary>Examples in the OpenAPI document (what a client developer copies first): a request
/// body, and per status code the answer it gets, serialised like the API itself (camelCase).</summary>
public static class ApiExamples
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? request, params (int Status, object Body)[] responses) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request is not null && operation.RequestBody?.Content is { } content)
                foreach (var media in content.Values) media.Example = Node(request);
            operation.Responses ??= [];
            foreach (var (status, body) in responses)
            {
                var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var type = status >= 400 ? "application/problem+json" : "application/json";
                if (!operation.Responses.TryGetValue(code, out var response) || response is not OpenApiResponse concrete)
                    operation.Responses[code] = concrete = new OpenApiResponse { Description = Describe(status) };
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!concrete.Content.TryGetValue(type, out var media)) concrete.Content[type] = media = new OpenApiMediaType();
                media.Example = Node(body);
            }
            return Task.CompletedTask;
        });

    /// <summary>The Idempotency-Key header, on every POST of the group.</summary>
    public static TBuilder WithIdempotencyKeyParameter<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (!HttpMethods.IsPost(context.Description.HttpMethod ?? "")) return Task.CompletedTask;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Idempotency.Header, In = ParameterLocation.Header, Required = false,
                Description = "Any unique string (≤ 255 visible ASCII characters). The same request with the same key within 24 h gets the first answer again (header Idempotent-Replayed: true) and changes nothing; the same key with another request gets 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Core.Access.IdempotentRequest.MaxKeyLength },
            });
            return Task.CompletedTask;
        });

    private static JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value, Web);

    private static string Describe(int status) => status switch
    {
        400 => "Bad request",
        404 => "Not found",
        409 => "Conflict",
        413 => "Body too large",
        422 => "Refused by a booking policy",
        429 => "Too many requests",
        _ => "Answer",
    };

    // Shared sample values, so the examples of one resource agree with each other.
    internal const string AppointmentId = "0193f1c2-7a3e-7cc1-9a55-3b8f1d2e4a10";
    internal const string StaffId = "0193f1c2-7a3e-7cc1-9a55-3b8f1d2e4a11";
    internal const string ServiceId = "0193f1c2-7a3e-7cc1-9a55-3b8f1d2e4a12";
    internal const string CustomerId = "0193f1c2-7a3e-7cc1-9a55-3b8f1d2e4a13";
    internal const string BranchId = "0193f1c2-7a3e-7cc1-9a55-3b8f1d2e4a14";

    internal static readonly AppointmentItem Appointment = new(AppointmentId, BranchId, StaffId, ServiceId, CustomerId,
        DateTimeOffset.Parse("2027-01-12T10:00:00+01:00"), DateTimeOffset.Parse("2027-01-12T10:30:00+01:00"), "Confirmed", "Api", null, null);

    internal static readonly CustomerItem Customer = new(CustomerId, "Lena Müller", "+4915112345678", "lena@example.org");

    internal static object Problem(int status, string title, string detail, object? extra = null)
    {
        var problem = new Dictionary<string, object?> { ["type"] = "https://tools.ietf.org/html/rfc9110", ["title"] = title, ["status"] = status, ["detail"] = detail };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra, Web).EnumerateObject()) problem[property.Name] = property.Value;
        return problem;
    }
}
