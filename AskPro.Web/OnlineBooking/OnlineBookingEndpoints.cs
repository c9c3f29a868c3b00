using System.Text.Json;
using AskPro.Infrastructure.OnlineBooking;

namespace AskPro.Web.OnlineBooking;

public static class OnlineBookingEndpoints
{
    /// <summary>The snippet a company puts on its own website: one script tag that places the
    /// booking page in an iframe where the tag stands. Unknown key → 404, nothing else said.</summary>
    public static IEndpointRouteBuilder MapOnlineBooking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/book/{tenantKey}/embed.js", EmbedAsync).ExcludeFromDescription().RequireRateLimiting(BookingAttemptLimits.PagePolicy);
        return app;
    }

    public static string PageUrl(string baseUrl, string tenantKey) => $"{baseUrl.TrimEnd('/')}/book/{Uri.EscapeDataString(tenantKey)}";

    /// <summary>What the settings page shows for copying.</summary>
    public static string Snippet(string baseUrl, string tenantKey) =>
        $"<script src=\"{PageUrl(baseUrl, tenantKey)}/embed.js\" async></script>";

    private static async Task<IResult> EmbedAsync(string tenantKey, HttpContext http, PublicCompanies companies, CancellationToken ct)
    {
        if (await companies.FindAsync(tenantKey, ct) is not { } company) return TypedResults.NotFound();
        var url = JsonSerializer.Serialize(PageUrl($"{http.Request.Scheme}://{http.Request.Host}", company.Key));
        var title = JsonSerializer.Serialize("Online-Termin buchen – " + company.Name);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(
            "(function(){var s=document.currentScript;if(!s)return;var f=document.createElement('iframe');" +
            $"f.src={url};f.title={title};f.loading='lazy';f.style.cssText='width:100%;max-width:480px;height:820px;border:0';" +
            "s.parentNode.insertBefore(f,s);})();", "text/javascript; charset=utf-8");
    }
}
