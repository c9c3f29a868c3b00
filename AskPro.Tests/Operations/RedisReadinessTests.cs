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

        // Redis only saves work (cache, holds, duplicate shortcut): calls still check and book.
        var retell = new RetellClient(brokenClient, FakeRetell.DemoKey, () => DateTimeOffset.UtcNow);
        var day = DateTime.UtcNow.Date.AddDays(21);
        while (day.DayOfWeek != DayOfWeek.Wednesday) day = day.AddDays(1);
        var wish = new { datum = day.ToString("dd.MM.yyyy"), uhrzeit = "11 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "egal", name = "Ida Braun" };
        Assert.Equal("available", (await retell.CallAsync("check_availability", wish, "call_redis_down")).GetProperty("status").GetString());
        Assert.Equal("booked", (await retell.CallAsync("book_appointment", wish, "call_redis_down")).GetProperty("status").GetString());
    }
}
