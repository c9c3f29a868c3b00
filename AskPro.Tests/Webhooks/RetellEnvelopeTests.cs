using System.Text;
using AskPro.Web.Webhooks;

namespace AskPro.Tests.Webhooks;

public sealed class RetellEnvelopeTests
{
    [Theory]
    [InlineData("{\"event\":\"call_ended\",\"call\":{\"call_id\":\"c1\",\"x\":{\"call_id\":\"nested\"}}}", "call_ended", "c1")]
    [InlineData("{\"call\":{\"transcript_object\":[{\"event\":\"no\"}],\"call_id\":\"c2\"},\"event\":\"call_started\"}", "call_started", "c2")]
    [InlineData("{\"event\":\"call_inbound\",\"call_inbound\":{\"to_number\":\"+493055501000\"}}", "call_inbound", null)]
    [InlineData("{\"event\":\"call_ended\",\"call\":{\"call_id\":5}}", "call_ended", null)]
    [InlineData("{\"event\":\"call_ended\",\"call\":\"c3\",\"other\":{\"call_id\":\"c4\"}}", "call_ended", null)]
    [InlineData(" \n{\"event\":\"x\"}\n ", "x", null)]
    public void Reads_the_event_and_the_calls_id_only_where_Retell_puts_them(string body, string eventType, string? callId)
    {
        Assert.True(RetellEnvelope.TryRead(Encoding.UTF8.GetBytes(body), out var type, out var id));
        Assert.Equal((eventType, callId), (type, id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"event\":5}")]
    [InlineData("{\"call\":{\"call_id\":\"c\"}}")]
    [InlineData("{\"event\":\"call_ended\"")]                       // cut off
    [InlineData("{\"event\":\"call_ended\"} trailing")]             // more after the object
    [InlineData("{\"event\":\"call_ended\",\"call\":{\"call_id\":\"c\",}}")] // trailing comma
    public void Refuses_what_is_not_a_well_formed_event(string body) =>
        Assert.False(RetellEnvelope.TryRead(Encoding.UTF8.GetBytes(body), out _, out _));

    [Fact]
    public void Refuses_nesting_deeper_than_64() =>
        Assert.False(RetellEnvelope.TryRead(Encoding.UTF8.GetBytes("{\"event\":\"e\",\"x\":" + new string('[', 100) + new string(']', 100) + "}"), out _, out _));
}
