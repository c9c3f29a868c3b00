using System.Net;
using AskPro.Core.Access;
using AskPro.Core.Access.CreateApiKey;
using AskPro.Core.Access.RevokeApiKey;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Security;

/// <summary>The account side of the security pass (ASVS V2, V3, V4.2, V5.1.5) over real HTTP
/// against the running demo app: no open redirect, antiforgery on the forms, cookie flags,
/// lockout through the real login form, single-use reset tokens, hashed and revocable API keys.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class AccountSecurityTests(AppHost app)
{
    /// <summary>Redirect targets an attacker could put into a link: other sites in all the
    /// spellings a browser accepts, and characters a header must not carry.</summary>
    public static TheoryData<string> ForeignTargets => new()
    {
        "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\r\nSet-Cookie: x=1",
        " //evil.example", "javascript:alert(1)", "http:evil.example", "/\n/evil.example", "/ü", "",
    };

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task Signing_in_never_redirects_to_another_site(string returnUrl)
    {
        using var session = PortalSession.Anonymous(app.BaseAddress);
        using var response = await PostLoginAsync(session, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword, "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Target(response));
    }

    [Theory]
    [MemberData(nameof(ForeignTargets))]
    public async Task Switching_the_language_never_redirects_to_another_site(string redirectUri)
    {
        using var session = PortalSession.Anonymous(app.BaseAddress);
        using var response = await session.Http.GetAsync("/culture/set?culture=en&redirectUri=" + Uri.EscapeDataString(redirectUri));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Target(response));
    }

    [Fact]
    public async Task A_local_return_url_is_kept()
    {
        using var session = PortalSession.Anonymous(app.BaseAddress);
        using var response = await PostLoginAsync(session, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword, "?returnUrl=" + Uri.EscapeDataString("/calendar?day=2027-01-12"));
        Assert.Equal("/calendar?day=2027-01-12", Target(response));
    }

    /// <summary>Every form posted without its antiforgery token (a foreign site's forged post) is
    /// refused with 400 and changes nothing: no sign-in cookie, no account, no mail, no sign-out.</summary>
    [Fact]
    public async Task Forms_posted_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var outbox = app.Services.GetRequiredService<DevOutbox>();
        var email = $"forged-{Guid.NewGuid():N}@example.org";
        var mailsBefore = outbox.Recent.Count;
        using var anonymous = PortalSession.Anonymous(app.BaseAddress);
        var forged = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/account/login", new() { ["_handler"] = "login", ["Input.Email"] = DemoData.SalonTeamEmail, ["Input.Password"] = DemoData.SalonTeamPassword }),
            ("/account/forgot-password", new() { ["_handler"] = "forgot", ["Input.Email"] = DemoData.SalonTeamEmail }),
            ("/signup", new() { ["_handler"] = "signup", ["Input.CompanyName"] = "Gefälscht GmbH", ["Input.AdminName"] = "Eve", ["Input.Email"] = email, ["Input.Password"] = "Gefälscht!2026x" }),
        };
        foreach (var (path, fields) in forged)
        {
            using var response = await anonymous.Http.PostAsync(path, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("askpro.auth")), $"{path} signed someone in");
        }
        Assert.Null(await app.ReadAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email)));
        Assert.Equal(mailsBefore, outbox.Recent.Count);

        // Signing out is a post too: a foreign page must not sign the user out.
        using var signedIn = await PortalSession.SignInAsync(app.BaseAddress, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword);
        using (var logout = await signedIn.Http.PostAsync("/account/logout", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/calendar")).Status);

        using var platform = await PortalSession.SignInAsync(app.BaseAddress, DemoData.PlatformEmail, DemoData.PlatformPassword);
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        using (var select = await platform.Http.PostAsync("/account/select-company", new FormUrlEncodedContent(new Dictionary<string, string> { ["companyId"] = salon.ToString() })))
            Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await platform.GetAsync("/calendar")).Status); // still no company chosen
    }

    /// <summary>The portal cookie is HttpOnly and SameSite=Lax (and Secure outside Development,
    /// where the app only speaks HTTPS).</summary>
    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        using var session = PortalSession.Anonymous(app.BaseAddress);
        using var response = await PostLoginAsync(session, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword, "");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("askpro.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie unless "remember me"
    }

    [Fact]
    public async Task Five_wrong_passwords_through_the_login_form_lock_the_account_even_for_the_right_one()
    {
        var email = await NewUserAsync("Richtig!2026x");
        using var session = PortalSession.Anonymous(app.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostLoginAsync(session, email, "falsch-" + i, "");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var right = await PostLoginAsync(session, email, "Richtig!2026x", "");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("gesperrt", await right.Content.ReadAsStringAsync());
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("askpro.auth")));
    }

    [Fact]
    public async Task A_password_reset_token_works_once()
    {
        var email = await NewUserAsync("Richtig!2026x");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var token = await users.GeneratePasswordResetTokenAsync(user);

        Assert.True((await users.ResetPasswordAsync(user, token, "Neu!Passwort2026")).Succeeded);
        Assert.False((await users.ResetPasswordAsync((await users.FindByEmailAsync(email))!, token, "Zweiter!Versuch2026")).Succeeded);
        Assert.False((await users.ResetPasswordAsync(user, "erfunden", "Dritter!Versuch2026")).Succeeded);
        using var signedIn = await PortalSession.SignInAsync(app.BaseAddress, email, "Neu!Passwort2026");
    }

    /// <summary>Only the SHA-256 of a key is stored; a new key works at once and a revoked one
    /// stops working on the next request (rotation = create the new key, revoke the old one).</summary>
    [Fact]
    public async Task Api_keys_are_stored_hashed_and_a_rotated_key_stops_working()
    {
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        async Task<T> AsSalonAsync<T>(Func<IServiceProvider, Task<T>> run)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(new TenantId(salon));
            return await run(scope.ServiceProvider);
        }
        var old = (CreateApiKeyOutcome.Created)await AsSalonAsync(sp => sp.GetRequiredService<CreateApiKey>().RunAsync("Alt", "test", default));
        var stored = await app.ReadAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == old.Id));
        Assert.Equal(ApiKey.HashOf(old.Secret), stored.Hash);
        Assert.DoesNotContain(old.Secret, stored.Hash + stored.Prefix + stored.Name);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(old.Secret).GetAsync("/api/v1/services")).StatusCode);

        var replacement = (CreateApiKeyOutcome.Created)await AsSalonAsync(sp => sp.GetRequiredService<CreateApiKey>().RunAsync("Neu", "test", default));
        Assert.True(await AsSalonAsync(sp => sp.GetRequiredService<RevokeApiKey>().RunAsync(old.Id, "test", default)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(old.Secret).GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(replacement.Secret).GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(old.Secret[..^1] + "x").GetAsync("/api/v1/services")).StatusCode);
    }

    /// <summary>Where a redirect points on this site ("/…"), or the foreign address as it was sent.</summary>
    private string Target(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        if (!location.IsAbsoluteUri) return location.OriginalString;
        return location.Authority == app.BaseAddress.Authority ? location.PathAndQuery : location.OriginalString;
    }

    private async Task<string> NewUserAsync(string password)
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"sec-{Guid.NewGuid():N}@salon.demo";
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, password)).Succeeded);
        return email;
    }

    /// <summary>The real login form: its antiforgery token, then the post.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(PortalSession session, string email, string password, string query)
    {
        var form = await session.Http.GetStringAsync("/account/login" + query);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
        var value = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value;
        Assert.False(string.IsNullOrEmpty(value), "The login form carries no antiforgery token.");
        return await session.Http.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = value, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
    }
}
