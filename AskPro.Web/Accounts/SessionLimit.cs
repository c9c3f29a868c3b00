using Microsoft.AspNetCore.Authentication.Cookies;

namespace AskPro.Web.Accounts;

/// <summary>The portal cookie slides (8 hours without a request end the session), and on top of
/// that a sign-in lasts at most <see cref="Absolute"/> however busy the user is (ASVS 3.3.2): the
/// moment of the sign-in travels in the cookie's properties, which every renewal keeps.</summary>
public static class SessionLimit
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private const string SignedInAt = "askpro.signed-in-at";

    public static Task StampAsync(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAt))
            context.Properties.Items[SignedInAt] = Now(context.HttpContext).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    /// <summary>A cookie without the moment (issued before this check existed) counts as expired.</summary>
    public static bool Expired(CookieValidatePrincipalContext context) =>
        !context.Properties.Items.TryGetValue(SignedInAt, out var value) || !long.TryParse(value, out var seconds)
        || Now(context.HttpContext) - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute;

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
