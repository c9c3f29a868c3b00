using System.Security.Claims;
using System.Text.Json;
using AskPro.Core.Customers.ExportCustomerData;
using AskPro.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AskPro.Web.Customers;

/// <summary>The GDPR export as a file (company admins, from the customer's page): everything
/// stored about the person, as JSON, through the audited Core use case. Another company's
/// customer is 404, exactly like one that never existed.</summary>
public static class CustomerExportEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapCustomerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/customers/{id:guid}/export", ExportAsync).RequireAuthorization(Policies.CompanyAdmin);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(Guid id, HttpContext http, ExportCustomerData export, CancellationToken ct)
    {
        var actor = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var data = await export.RunAsync(id, actor, ct);
        if (data is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "no-store"; // personal data: never in a shared cache
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", $"kunde-{id:N}.json");
    }
}
