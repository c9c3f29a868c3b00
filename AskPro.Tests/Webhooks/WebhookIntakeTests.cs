using System.Net;
using System.Text;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Telephony;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>The one intake both providers' webhooks go through (<see cref="WebhookIntake"/>), and
/// the inbox handlers it feeds, registered by (provider, event type).</summary>
public sealed class WebhookIntakeTests
{
    [Fact]
    public async Task A_delivery_the_database_cannot_store_gets_503_from_both_providers_and_is_stored_once_when_redelivered()
    {
        using var host = new AppHost();
        var client = host.ApiClient(null);
        var retell = """{"event":"call_started","call":{"call_id":"call_intake_503","to_number":"+4930123456","call_status":"ongoing"}}""";
        var calcom = """{"triggerEvent":"BOOKING_CANCELLED","createdAt":"2027-01-01T00:00:00Z","payload":{"uid":"cal_intake_503"}}""";

        await InboxTableAsync(host, away: true);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await SendRetellAsync(client, retell)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await FakeCalCom.SendAsync(client, calcom)).StatusCode);

        await InboxTableAsync(host, away: false);
        Assert.Equal(HttpStatusCode.NoContent, (await SendRetellAsync(client, retell)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FakeCalCom.SendAsync(client, calcom)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendRetellAsync(client, retell)).StatusCode); // a redelivery
        var keys = await host.ReadAsync(db => db.Inbox.Where(i => i.EventKey.Contains("intake_503")).Select(i => i.EventKey).ToListAsync());
        Assert.Equal(["BOOKING_CANCELLED:cal_intake_503:2027-01-01T00:00:00Z", "call_intake_503:call_started"], keys.Order());
    }

    [Fact]
    public async Task Handlers_are_found_by_provider_and_event_type_and_an_unknown_provider_is_a_dead_letter()
    {
        var applied = new List<string>();
        var services = new ServiceCollection();
        services.AddSingleton(applied);
        services.AddInboxHandler<List<string>>("retell", ["call_ended", "call_analyzed"], (list, item, _) => { list.Add(item.EventType); return Task.CompletedTask; });
        await using var provider = services.BuildServiceProvider();
        var handlers = provider.GetRequiredService<InboxHandlers>();

        await handlers.ApplyAsync(provider, Item("retell", "call_ended"), default);
        await handlers.ApplyAsync(provider, Item("retell", "call_analyzed"), default);
        await handlers.ApplyAsync(provider, Item("retell", "transcript_updated"), default); // known provider, no handler: no effect
        Assert.Equal(["call_ended", "call_analyzed"], applied);
        var dead = await Assert.ThrowsAsync<DeadLetterException>(() => handlers.ApplyAsync(provider, Item("twilio", "call_ended"), default));
        Assert.Contains("twilio", dead.Message);
    }

    private static InboxItem Item(string provider, string eventType) =>
        new() { Provider = provider, EventType = eventType, EventKey = "k", Payload = "{}" };

    private static Task<HttpResponseMessage> SendRetellAsync(HttpClient client, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(body, "askpro-demo-retell-key", DateTimeOffset.UtcNow));
        return client.SendAsync(request);
    }

    /// <summary>The inbox table away (or back): every write to it fails, as with the database down.</summary>
    private static Task InboxTableAsync(AppHost host, bool away) =>
        host.ReadAsync(db => away
            ? db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Inbox" RENAME TO "InboxGone" """)
            : db.Database.ExecuteSqlRawAsync("""ALTER TABLE "InboxGone" RENAME TO "Inbox" """));
}
