using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AskPro.Web.Api;

/// <summary>REST API v1. Every route needs an API key and sees only its company.</summary>
public static class RestApi
{
    public const string Policy = "ApiClient";

    /// <summary>No write needs more than a few hundred bytes; a bigger body is refused (413) before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddRestApi(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationOptions.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(AskProClaims.Company));
        services.AddScoped<ApiSlots>();
        // A body that does not bind (malformed JSON, a date that is no date) is the caller's
        // mistake: 400 with a problem body in every environment, not an exception with a stack
        // trace in the log (Development's default throws).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AskPro REST API";
            document.Info.Description = "A company's data, and booking through the booking engine. Authenticate with the X-Api-Key header.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policy).WithTags("v1")
            .RequireRateLimiting(ApiRateLimits.Policy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithIdempotency()
            .WithIdempotencyKeyParameter();
        v1.MapDirectoryApi();
        v1.MapCustomersApi();
        v1.MapAppointmentsApi();
        v1.MapAppointmentCommandsApi();
        v1.MapCallsApi();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    internal static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    internal static ProblemHttpResult Missing(string what) =>
        TypedResults.Problem($"No {what} with this id.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Checks unknown parameters and paging in one go.</summary>
    internal static ProblemHttpResult? CheckList(HttpRequest request, out int page, out int pageSize, params string[] filters)
    {
        page = 1;
        pageSize = QueryInput.DefaultPageSize;
        if (QueryInput.UnknownParameter(request, filters) is { } unknown)
            return Invalid($"Unknown query parameter '{Truncate(unknown)}'. Allowed: {string.Join(", ", filters.Append("page").Append("pageSize"))}.");
        return QueryInput.TryPaging(request, out page, out pageSize, out var error) ? null : Invalid(error!);
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
