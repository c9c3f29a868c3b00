using System.Net;
using AskPro.Tests.Support;

namespace AskPro.Tests.Onboarding;

/// <summary>Each sign-up creates a company and sends a mail: a script gets 429 after a few.</summary>
public sealed class SignUpRateLimitTests
{
    [Fact]
    public async Task Sign_ups_beyond_the_hourly_limit_get_429_in_German_while_reading_the_page_stays_free()
    {
        using var app = new AppHost(new() { ["RateLimits:SignUpsPerIpPerHour"] = "2", ["Scheduler:Enabled"] = "false" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var form = new Dictionary<string, string> { ["_handler"] = "signup", ["Input.Email"] = "x@example.com" };

        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.PostAsync("/signup", new FormUrlEncodedContent(form))).StatusCode);
        using var refused = await http.PostAsync("/signup", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Registrierungen", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/signup")).StatusCode);
    }
}
