using AskPro.Tests.Support;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Telephony;
using AskPro.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

[Collection(BookingAppCollection.Name)]
public sealed class DemoCallSenderTests(BookingApp app)
{
    [Fact]
    public async Task The_demo_sender_replays_a_signed_call_that_becomes_a_call_record()
    {
        var before = await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId.StartsWith("call_demo_") && c.Summary != null && c.Summary.StartsWith("Anrufer möchte")));
        using var output = new StringWriter();
        // The sender signs with the real clock; the test app's clock is fixed, so it gets the real time for this test.
        var original = app.Clock.Now;
        app.Clock.Now = DateTimeOffset.UtcNow;
        try
        {
            Assert.Equal(0, await DemoCallSender.RunAsync([app.Host.BaseAddress.ToString()], output));
            await Drain.InboxAsync(app.Host.Services, "retell");
        }
        finally
        {
            app.Clock.Now = original;
        }
        Assert.Contains("call_analyzed: HTTP 204", output.ToString());
        Task<int> After() => app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId.StartsWith("call_demo_") && c.Summary != null && c.Summary.StartsWith("Anrufer möchte") && c.Status == CallStatus.Ended));
        Assert.Equal(before + 1, await After());
    }
}
