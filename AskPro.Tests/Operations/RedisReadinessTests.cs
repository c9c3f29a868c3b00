using System.Net;
using System.Text.Json;
using AskPro.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Tests.Operations;

public sealed class RedisReadinessTests
{
    [RedisFact]
    public async Task Ready_includes_redis_when_configured_and_reports_it_degraded_not_unready_when_it_is_unreachable()
    {
        var redis = await RedisServer.GetAsync();
        using (var app = new AppHost(new() { ["Redis:Configuration"] = redis.Configuration }))
        using (var client = app.ApiClient(null))
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetString());
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
        }

        using var broken = new AppHost(new() { ["Redis:Configuration"] = $"127.0.0.1:{TestServices.FreePort()},abortConnect=false,connectTimeout=500" });
        using var brokenClient = broken.ApiClient(null);
        // A Redis shared by every node must not take them all out of the load balancer: still ready, but degraded.
        var degraded = await brokenClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        var report = JsonDocument.Parse(await degraded.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("redis").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetString());
        // What the health page shows next to the entry: German, and saying what still works.
        var entry = (await broken.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["redis"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(AskPro.Infrastructure.Caching.RedisHealthCheck.Unreachable, entry.Description);
        Assert.Contains("Buchungen gehen weiter", entry.Description);

        // Redis only saves work (cache, holds, duplicate shortcut): calls still check and book.
        var retell = new RetellClient(brokenClient, FakeRetell.DemoKey, () => DateTimeOffset.UtcNow);
        var day = DateTime.UtcNow.Date.AddDays(21);
        while (day.DayOfWeek != DayOfWeek.Wednesday) day = day.AddDays(1);
        var wish = new { datum = day.ToString("dd.MM.yyyy"), uhrzeit = "11 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "egal", name = "Ida Braun" };
        Assert.Equal("available", (await retell.CallAsync("check_availability", wish, "call_redis_down")).GetProperty("status").GetString());
        Assert.Equal("booked", (await retell.CallAsync("book_appointment", wish, "call_redis_down")).GetProperty("status").GetString());
    }
}
