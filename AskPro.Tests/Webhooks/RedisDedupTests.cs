using System.Net;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Webhooks;

public sealed class RedisDedupTests
{
    [RedisFact]
    public async Task With_Redis_fifty_identical_deliveries_store_one_row_and_the_redelivery_is_short_circuited()
    {
        var redis = await RedisServer.GetAsync();
        using var app = new AppHost(new() { ["Redis:Configuration"] = redis.Configuration });
        using var client = app.ApiClient(null);
        var retell = new FakeRetell(client, () => DateTimeOffset.UtcNow);
        var id = "call_redis_dup_" + Guid.NewGuid().ToString("N");
        var body = FakeRetell.CallEnded(id, seconds: 1);

        async Task<HttpStatusCode> SendAsync() => (await retell.SendAsync(body)).StatusCode;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SendAsync()));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        Assert.Equal(HttpStatusCode.NoContent, await SendAsync());

        Assert.Equal(1, await app.ReadAsync(db => db.Inbox.CountAsync(i => i.EventKey == id + ":call_ended")));
        var metrics = await client.GetStringAsync("/metrics");
        var received = string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("askpro_webhooks_received_total", StringComparison.Ordinal)));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(received, @"askpro_webhooks_received_total\{event=""call_ended"",outcome=""duplicate"",provider=""retell""\} (49|50)\b"), received);
    }
}
