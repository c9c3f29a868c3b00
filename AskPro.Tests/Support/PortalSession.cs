using System.Net;
using System.Text.RegularExpressions;

namespace AskPro.Tests.Support;

/// <summary>A person signed in to the portal over plain HTTP (the real login form, its
/// antiforgery token and the Identity cookie), for checks that need status codes rather than a
/// browser. Redirects are not followed, so "sent to the login" and "denied" stay visible.</summary>
public sealed partial class PortalSession : IDisposable
{
    private PortalSession(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static PortalSession Anonymous(Uri baseAddress) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress });

    public static async Task<PortalSession> SignInAsync(Uri baseAddress, string email, string password)
    {
        var session = Anonymous(baseAddress);
        var form = await session.Http.GetStringAsync("/account/login");
        var token = AntiforgeryInput().Match(form) is { Success: true } input ? HiddenValue().Match(input.Value).Groups[1].Value : null;
        // Exceptions, not xunit asserts: the file is linked into AskPro.Benchmarks (the soak signs in too).
        if (string.IsNullOrEmpty(token)) throw new InvalidOperationException("The login form carries no antiforgery token.");
        using var response = await session.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token!, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return session;
    }

    /// <summary>Posts a form of <paramref name="page"/> (its antiforgery token with the given fields), as the browser would.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> PostFormAsync(string page, string action, Dictionary<string, string> fields)
    {
        var form = await Http.GetStringAsync(page);
        var token = AntiforgeryInput().Match(form) is { Success: true } input ? HiddenValue().Match(input.Value).Groups[1].Value : null;
        if (string.IsNullOrEmpty(token)) throw new InvalidOperationException($"{page} carries no antiforgery token.");
        using var response = await Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token! }));
        return (response.StatusCode, response.Headers.Location?.ToString());
    }

    /// <summary>The status of a GET, and where a redirect points.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, response.Headers.Location?.ToString());
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex HiddenValue();
}
