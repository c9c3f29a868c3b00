using System.Text;
using System.Text.Json;
using AskPro.Core.CustomerPortal.RedeemSignInLink;
using AskPro.Infrastructure.CustomerPortal;
using AskPro.Infrastructure.OnlineBooking;
using AskPro.Web.OnlineBooking;
using Microsoft.AspNetCore.Authentication;

namespace AskPro.Web.CustomerPortal;

/// <summary>The customer portal's HTTP side: what needs a real response (setting and clearing
/// the customer cookie, file downloads). Everything else is the <c>/portal</c> page.</summary>
public static class CustomerPortalEndpoints
{
    public static IEndpointRouteBuilder MapCustomerPortal(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/portal").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(BookingAttemptLimits.PagePolicy);
        portal.MapGet("/signin", SignInAsync);
        portal.MapGet("/signout", SignOutAsync);
        portal.MapGet("/appointments/{id:guid}/calendar.ics", CalendarFileAsync);
        portal.MapGet("/my-data.json", ExportAsync);
        return app;
    }

    public static string PageUrl(string tenantKey, Guid? appointmentId = null) =>
        $"/portal?company={Uri.EscapeDataString(tenantKey)}" + (appointmentId is { } id ? $"&appointment={id:N}" : "");

    /// <summary>The magic link: used up, then the customer cookie is set and the portal opens on the
    /// appointment they came for. Unknown, used and expired links all end on the same German notice.</summary>
    private static async Task<IResult> SignInAsync(string? company, string? token, HttpContext http, PublicCompanies companies, CustomerPortalCalls portal, CancellationToken ct)
    {
        if (await companies.FindAsync(company, ct) is not { } found) return TypedResults.NotFound();
        if (await portal.RedeemAsync(found.Id, token, ct) is not RedeemOutcome.SignedIn signedIn)
            return TypedResults.Redirect(PageUrl(found.Key) + "&link=invalid");
        await http.SignInAsync(CustomerPortalAuth.Scheme, CustomerPortalAuth.PrincipalOf(new CustomerSession(found.Id, signedIn.CustomerId)));
        return TypedResults.Redirect(PageUrl(found.Key, signedIn.AppointmentId));
    }

    private static async Task<IResult> SignOutAsync(string? company, bool? erased, HttpContext http, PublicCompanies companies, CancellationToken ct)
    {
        await http.SignOutAsync(CustomerPortalAuth.Scheme);
        if (await companies.FindAsync(company, ct) is not { } found) return TypedResults.Redirect("/");
        return TypedResults.Redirect(PageUrl(found.Key) + (erased == true ? "&erased=1" : "&signedout=1"));
    }

    private static async Task<IResult> CalendarFileAsync(Guid id, HttpContext http, PublicCompanies companies, CustomerPortalCalls portal, CancellationToken ct)
    {
        if (await CustomerPortalAuth.SessionAsync(http) is not { } session) return TypedResults.Unauthorized();
        var name = (await companies.FindAsync(session.Company, ct))?.Name ?? "";
        return await portal.CalendarFileAsync(session, id, name, ct) is { } ics
            ? TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "termin.ics")
            : TypedResults.NotFound();
    }

    private static async Task<IResult> ExportAsync(HttpContext http, CustomerPortalCalls portal, CancellationToken ct)
    {
        if (await CustomerPortalAuth.SessionAsync(http) is not { } session) return TypedResults.Unauthorized();
        // An erased customer's old cookie exports nothing (not even the erased husk).
        if (await portal.ViewAsync(session, ct) is null || await portal.ExportAsync(session, ct) is not { } export) return TypedResults.NotFound();
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return TypedResults.File(json, "application/json", "meine-daten.json");
    }
}
