using AskPro.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Support;

/// <summary>The running app's own list of endpoints (its <see cref="EndpointDataSource"/>: minimal
/// API routes and the pages' @page routes), named one way for every test that enumerates them:
/// a page by its route ("/book/{TenantKey}"), any other endpoint by "METHOD /pattern" ("ANY" when
/// it takes every method).</summary>
public static class AppEndpoints
{
    public sealed record Entry(string Key, bool IsPage, RouteEndpoint Endpoint);

    public static IReadOnlyList<Entry> Of(IServiceProvider app) =>
        app.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => IsPage(e)
                ? [new Entry(e.RoutePattern.RawText!, true, e)]
                : Methods(e).Select(m => new Entry($"{m} {Pattern(e)}", false, e)))
            .DistinctBy(e => e.Key).ToList();

    /// <summary>The key of the endpoint a request with <paramref name="method"/> was routed to.</summary>
    public static string KeyOf(Endpoint endpoint, string method) => endpoint switch
    {
        RouteEndpoint route when IsPage(route) => route.RoutePattern.RawText!,
        RouteEndpoint route => $"{(Methods(route).Contains(method) ? method : "ANY")} {Pattern(route)}",
        _ => endpoint.DisplayName ?? "?",
    };

    /// <summary>Blazor's circuit hub and framework files: served by the framework to everyone, no data.</summary>
    public static bool IsFramework(string key) => key.Contains("/_blazor") || key.Contains("/_framework/") || key.Contains("_content/");

    /// <summary>Reachable only after signing in to the portal: a portal policy (or the default
    /// one) and no AllowAnonymous. Everything else faces the internet — pages for everyone, the
    /// signed provider calls, the REST API (its own key scheme), the customer portal's links.</summary>
    public static bool NeedsPortalSignIn(Entry entry) =>
        entry.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && entry.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>() is { Count: > 0 } rules
        && rules.All(r => r.Policy is null or Policies.CompanyUser or Policies.CompanyAdmin or Policies.PlatformAdmin);

    private static bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    private static IReadOnlyList<string> Methods(RouteEndpoint e) => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];

    private static string Pattern(RouteEndpoint e) => "/" + e.RoutePattern.RawText!.TrimStart('/');
}
