using System.Net;
using System.Text.Json;
using AskPro.Tests.Support;

namespace AskPro.Tests.Operations;

public sealed class RedisReadinessTests
{
    [RedisFact]
    public async Task Ready_includes_redis_when_configured_and_fails_when_it_is_unreachable()
    {
        var redis = await RedisServer.GetAsync();
        using (var app = new AppHost(new() { ["Redis:Configuration"] = redis.Configuration }))
        using (var client = app.ApiClient(null))
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("redis").GetString());
        }

        using var broken = new AppHost(new() { ["Redis:Configuration"] = $"127.0.0.1:{TestServices.FreePort()},abortConnect=false,connectTimeout=500" });
        using var brokenClient = broken.ApiClient(null);
        var notReady = await brokenClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("redis").GetString());
    }
}
