using System.Net;
using System.Text;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

public sealed class RedisDedupTests
{
    [RedisFact]
    public async Task With_Redis_fifty_identical_deliveries_store_one_row_and_the_redelivery_is_short_circuited()
    {
        var redis = await RedisServer.GetAsync();
        using var app = new AppHost(new() { ["Redis:Configuration"] = redis.Configuration });
        using var client = app.ApiClient(null);
        var id = "call_redis_dup_" + Guid.NewGuid().ToString("N");
        var body = $"{{\"event\":\"call_ended\",\"call\":{{\"call_id\":\"{id}\",\"to_number\":\"+493055501000\",\"from_number\":\"anonymous\",\"duration_ms\":1000}}}}";

        async Task<HttpStatusCode> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), "askpro-demo-retell-key", DateTimeOffset.UtcNow));
            return (await client.SendAsync(request)).StatusCode;
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SendAsync()));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        Assert.Equal(HttpStatusCode.NoContent, await SendAsync());

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: inspect");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        Assert.Equal(1, await db.Inbox.CountAsync(i => i.EventKey == id + ":call_ended"));
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches(@"askpro_webhooks_received_total\{event=""call_ended"",outcome=""duplicate"",provider=""retell""\} (49|50)", metrics);
    }
}
