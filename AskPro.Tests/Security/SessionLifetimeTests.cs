using System.Net;
using AskPro.Infrastructure.Accounts;
using AskPro.Tests.Support;
using AskPro.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Security;

/// <summary>How long a portal sign-in lives (ASVS 3.3): a changed password or security stamp ends
/// other sessions, a busy session still ends after the absolute limit, and a reset token expires.</summary>
public sealed class SessionLifetimeTests
{
    private const string Password = "Richtig!2026x";

    /// <summary>The stamp is checked on every request here (interval 0), so the test need not wait a minute.</summary>
    [Fact]
    public async Task A_changed_password_ends_the_sessions_signed_in_before()
    {
        using var app = new AppHost(new() { ["Scheduler:Enabled"] = "false" },
            services: s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        var email = await NewUserAsync(app);
        using var session = await PortalSession.SignInAsync(app.BaseAddress, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/change-password")).Status);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.ChangePasswordAsync(user, Password, "Ganz!Neu2026x")).Succeeded);
        }

        var (status, location) = await session.GetAsync("/account/change-password");
        Assert.True(status == HttpStatusCode.Redirect && location?.Contains("/account/login") == true, $"{(int)status} {location}");
    }

    [Fact]
    public async Task A_busy_session_still_ends_after_the_absolute_limit()
    {
        var clock = new FixedClock(new DateTimeOffset(2027, 3, 1, 8, 17, 0, TimeSpan.Zero));
        using var app = new AppHost(new() { ["Scheduler:Enabled"] = "false" }, clock);
        var email = await NewUserAsync(app);
        using var session = await PortalSession.SignInAsync(app.BaseAddress, email, Password);

        // A request every 5 hours keeps the sliding 8 hours alive, up to the absolute limit.
        var signedInAt = clock.Now;
        while (clock.Now - signedInAt + TimeSpan.FromHours(5) < SessionLimit.Absolute)
        {
            clock.Now += TimeSpan.FromHours(5);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/change-password")).Status);
        }
        clock.Now = signedInAt + SessionLimit.Absolute + TimeSpan.FromMinutes(1);
        var (status, location) = await session.GetAsync("/account/change-password");
        Assert.True(status == HttpStatusCode.Redirect && location?.Contains("/account/login") == true, $"{(int)status} {location}");
        using var again = await PortalSession.SignInAsync(app.BaseAddress, email, Password); // signing in again works
    }

    /// <summary>Identity's reset tokens carry their creation time and run on the real clock, so the
    /// lifetime (1 day in the app) is shortened here to two seconds to watch one expire.</summary>
    [Fact]
    public async Task A_reset_token_expires()
    {
        using var app = new AppHost(new() { ["Scheduler:Enabled"] = "false" },
            services: s => s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(2)));
        var email = await NewUserAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Assert.True(await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False((await users.ResetPasswordAsync(user, token, "Zu!Spaet2026x")).Succeeded);
    }

    private static async Task<string> NewUserAsync(AppHost app)
    {
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"session-{Guid.NewGuid():N}@salon.demo";
        Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, Password)).Succeeded);
        return email;
    }
}
