using System.Net;
using System.Text;
using AskPro.Tests.Support;

namespace AskPro.Tests.Webhooks;

public sealed class WebhookRateLimitTests
{
    [Fact]
    public async Task Deliveries_over_the_limit_get_429_with_Retry_After()
    {
        using var app = new AppHost(new() { ["RateLimits:WebhooksPerIpPerMinute"] = "5" });
        using var client = app.ApiClient(null);
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
            statuses.Add(await client.PostAsync("/api/webhooks/retell", new StringContent("{}", Encoding.UTF8, "application/json")));

        Assert.All(statuses.Take(5), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode)); // unsigned, but counted
        var limited = statuses[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
    }
}
