using System.Security.Claims;
using System.Text.Encodings.Web;
using AskPro.Core.Access;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Api;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
}

/// <summary>Authenticates REST callers by X-Api-Key. The key's hash is looked up across all
/// companies (the one platform read this needs); the principal then carries that company only.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IServiceScopeFactory scopes)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthenticationOptions.Header, out var values)) return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (key.Length is < 8 or > 200) return AuthenticateResult.Fail("Malformed API key.");

        var hash = ApiKey.HashOf(key);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("api key lookup");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var match = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.CompanyId })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (match is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "apikey:" + match.Id), new Claim(AskProClaims.Company, match.CompanyId.ToString())],
            ApiKeyAuthenticationOptions.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthenticationOptions.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return Results.Problem(statusCode: 401, title: "A valid X-Api-Key header is required.").ExecuteAsync(Context);
    }
}
