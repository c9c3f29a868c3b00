using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Telephony;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>Retell call events through the real endpoint, the inbox and the worker.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class RetellWebhookTests(BookingApp app)
{
    private const string Key = "askpro-demo-retell-key";

    private static string Event(string type, string callId, string? from = "+4915112340000", long? start = 1764000000000, long? end = null,
        bool analysis = false, string? transcript = null, string to = RetellClient.SalonNumber)
    {
        var call = new JsonObject
        {
            ["call_id"] = callId, ["agent_id"] = "agent_demo-salon", ["call_type"] = "phone_call", ["direction"] = "inbound",
            ["to_number"] = to, ["call_status"] = type == "call_started" ? "ongoing" : "ended",
            ["some_future_field"] = new JsonObject { ["x"] = 1 },
        };
        if (from is not null) call["from_number"] = from;
        if (start is not null) call["start_timestamp"] = start;
        if (end is not null)
        {
            call["end_timestamp"] = end;
            call["duration_ms"] = end - start;
            call["disconnection_reason"] = "user_hangup";
            call["call_cost"] = new JsonObject { ["combined_cost"] = 17.5, ["product_costs"] = new JsonArray(), ["total_duration_seconds"] = 35 };
        }
        if (transcript is not null) call["transcript"] = transcript;
        if (analysis) call["call_analysis"] = new JsonObject { ["call_summary"] = "Termin gebucht.", ["user_sentiment"] = "Positive", ["call_successful"] = true };
        return new JsonObject { ["event"] = type, ["call"] = call }.ToJsonString();
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string key = Key, TimeSpan? skew = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sign) request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(body, key, app.Clock.Now + (skew ?? TimeSpan.Zero)));
        return await app.Host.ApiClient(null).SendAsync(request);
    }

    private Task DrainAsync() => Drain.InboxAsync(app.Host.Services);

    private Task<Call?> CallAsync(string callId) => app.ReadAsync(db => db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.RetellCallId == callId));

    [Fact]
    public async Task Call_events_become_one_complete_call_record()
    {
        var id = "call_wh_" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Event("call_started", id))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Event("call_ended", id, end: 1764000035000, transcript: "Agent: Hallo\nUser: Termin bitte"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Event("call_analyzed", id, end: 1764000035000, analysis: true, transcript: "Agent: Hallo\nUser: Termin bitte"))).StatusCode);
        await DrainAsync();

        var call = await CallAsync(id);
        Assert.NotNull(call);
        Assert.Equal(CallStatus.Ended, call.Status);
        Assert.Equal(35, call.DurationSeconds);
        Assert.Equal(18, call.CostCents); // combined_cost is in cents
        Assert.Equal("Termin gebucht.", call.Summary);
        Assert.Equal("Positive", call.Sentiment);
        Assert.True(call.Successful);
        Assert.Equal("+4915112340000", call.FromNumber!.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000000).UtcDateTime, call.StartedAt);
        Assert.Equal(1, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == id)));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("/relative/recording.wav", null)]
    [InlineData("https://dxc03zgurdly9.cloudfront.net/call/recording.wav", "https://dxc03zgurdly9.cloudfront.net/call/recording.wav")]
    public async Task Only_web_addresses_are_kept_as_recording_links(string url, string? kept)
    {
        var id = "call_rec_" + Guid.NewGuid().ToString("N");
        var body = JsonNode.Parse(Event("call_ended", id, end: 1764000035000))!;
        body["call"]!["recording_url"] = url;
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(body.ToJsonString())).StatusCode);
        await DrainAsync();
        var call = await CallAsync(id);
        Assert.Equal(35, call!.DurationSeconds);
        Assert.Equal(kept, call.RecordingUrl);
    }

    [Fact]
    public async Task Out_of_order_events_give_the_same_call_as_in_order_ones()
    {
        var id = "call_ooo_" + Guid.NewGuid().ToString("N");
        await SendAsync(Event("call_analyzed", id, end: 1764000035000, analysis: true, transcript: "Agent: Hallo\nUser: Termin bitte"));
        await DrainAsync();
        await SendAsync(Event("call_ended", id, end: 1764000035000, transcript: "Agent: Hallo"));
        await SendAsync(Event("call_started", id));
        await DrainAsync();

        var call = await CallAsync(id);
        Assert.Equal(CallStatus.Ended, call!.Status);                       // never back to ongoing
        Assert.Equal("Agent: Hallo\nUser: Termin bitte", call.Transcript); // never a shorter, older transcript
        Assert.Equal("Termin gebucht.", call.Summary);
        Assert.Equal(35, call.DurationSeconds);
    }

    [Fact]
    public async Task Fifty_identical_deliveries_in_parallel_store_one_row_and_apply_once()
    {
        var id = "call_dup_" + Guid.NewGuid().ToString("N");
        var body = Event("call_ended", id, end: 1764000035000);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SendAsync(body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        await DrainAsync();
        Assert.Equal(1, await app.ReadAsync(db => db.Inbox.CountAsync(i => i.EventKey == id + ":call_ended")));
        Assert.Equal(1, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == id)));

        var before = await CallAsync(id);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(body)).StatusCode);
        await DrainAsync();
        Assert.Equal(before!.UpdatedAt, (await CallAsync(id))!.UpdatedAt); // processed again? no: nothing changed
    }

    [Fact]
    public async Task An_event_for_a_number_no_company_has_is_dead_lettered_with_a_reason()
    {
        var id = "call_nobody_" + Guid.NewGuid().ToString("N");
        await SendAsync(Event("call_ended", id, end: 1764000035000, to: "+493099999999"));
        await DrainAsync();
        var item = await app.ReadAsync(db => db.Inbox.SingleAsync(i => i.EventKey == id + ":call_ended"));
        Assert.Equal(InboxStatus.Dead, item.Status);
        Assert.Contains("No company", item.LastError);
        Assert.Null(await CallAsync(id));
    }

    [Theory]
    [InlineData("wrong-key-000000", 0)]
    [InlineData(Key, -6)]
    [InlineData(Key, 6)]
    public async Task Bad_signatures_get_401_and_store_nothing(string key, int minutes)
    {
        var id = "call_bad_" + Guid.NewGuid().ToString("N");
        var body = Event("call_started", id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(body, key, TimeSpan.FromMinutes(minutes))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(body, sign: false)).StatusCode);
        Assert.Equal(0, await app.ReadAsync(db => db.Inbox.CountAsync(i => i.EventKey.StartsWith(id))));
    }

    [Fact]
    public async Task An_hour_long_call_of_several_megabytes_is_taken()
    {
        var id = "call_long_" + Guid.NewGuid().ToString("N");
        var transcript = string.Concat(Enumerable.Repeat("Agent: Gern, einen Moment bitte.\nUser: Ja, ich warte.\n", 60_000)); // ≈ 3.3 MB
        var body = Event("call_ended", id, end: 1764003600000, transcript: transcript);
        Assert.True(body.Length > 3_000_000);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(body)).StatusCode);
        await DrainAsync();
        // Taken whole; the transcript is kept up to what its column holds (a million characters,
        // many hours of speech), so the same call stores the same on SQLite and PostgreSQL.
        var call = (await CallAsync(id))!;
        Assert.Equal(3600, call.DurationSeconds);
        Assert.Equal(1_000_000, call.Transcript!.Length);
        Assert.StartsWith("Agent: Gern, einen Moment bitte.", call.Transcript);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_8_MB_gets_413_and_stores_nothing(bool declaredLength)
    {
        var id = "call_huge_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(Event("call_ended", id, transcript: new string('x', RetellWebhookEndpointsLimit + 1)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell");
        // Without a declared length the client sends it chunked: the limit must hold while reading.
        request.Content = declaredLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(Encoding.UTF8.GetString(body), Key, app.Clock.Now));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.Host.ApiClient(null).SendAsync(request)).StatusCode);
        Assert.Equal(0, await app.ReadAsync(db => db.Inbox.CountAsync(i => i.EventKey.StartsWith(id))));
    }

    private const int RetellWebhookEndpointsLimit = AskPro.Web.Webhooks.RetellWebhookEndpoints.MaxBodyBytes;

    /// <summary>A stream of unknown length, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"call\": {}}")]
    [InlineData("{\"event\": \"call_ended\", \"call\": {\"to_number\": \"+493055501000\"}}")]
    [InlineData("[]")]
    public async Task Malformed_events_get_400_and_store_nothing(string body)
    {
        var before = await app.ReadAsync(db => db.Inbox.CountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(body)).StatusCode);
        Assert.Equal(before, await app.ReadAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task Metrics_count_deliveries_inbox_depth_and_processing_time_without_personal_data()
    {
        var id = "call_metrics_" + Guid.NewGuid().ToString("N");
        await SendAsync(Event("call_ended", id, end: 1764000035000));
        await SendAsync(Event("call_ended", id, end: 1764000035000));
        await SendAsync(Event("call_ended", id, end: 1764000035000), key: "wrong-key-000000");
        await DrainAsync();

        var text = await app.Host.ApiClient(null).GetStringAsync("/metrics");
        Assert.Matches(@"askpro_webhooks_received_total\{event=""call_ended"",outcome=""stored"",provider=""retell""\} [1-9]", text);
        Assert.Matches(@"askpro_webhooks_received_total\{event=""call_ended"",outcome=""duplicate"",provider=""retell""\} [1-9]", text);
        Assert.Matches(@"askpro_webhooks_received_total\{event=""unknown"",outcome=""bad_signature"",provider=""retell""\} [1-9]", text);
        Assert.Matches(@"askpro_inbox_items\{status=""Processed""\} [1-9]", text);
        Assert.Contains("askpro_webhook_processing_seconds_bucket{", text);
        Assert.Contains("# TYPE askpro_webhook_processing_seconds histogram", text);
        Assert.Matches(@"askpro_inbox_oldest_pending_seconds(\{\})? \d", text); // the exporter writes "{}" for no labels
        Assert.DoesNotContain("otel_scope", text); // the askpro_* series keep exactly their labels
        // The library's own series: HTTP requests per route, and the .NET runtime.
        Assert.Matches(@"http_server_request_duration_seconds_count\{[^}]*http_route=""/api/webhooks/retell""[^}]*\} [1-9]", text);
        Assert.Contains("dotnet_gc_collections_total", text);
        Assert.DoesNotContain("+49", text);
        Assert.DoesNotContain(id, text);
    }

    [Fact]
    public async Task Call_inbound_answers_with_the_date_context_and_the_known_customer()
    {
        var body = "{\"event\":\"call_inbound\",\"call_inbound\":{\"agent_id\":\"a\",\"from_number\":\"+4917055556666\",\"to_number\":\"+493055501000\"}}";
        var response = await SendAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var variables = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("call_inbound").GetProperty("dynamic_variables");
        Assert.Equal("2026-11-23", variables.GetProperty("datum").GetString());
        Assert.Equal("Montag", variables.GetProperty("wochentag").GetString());
        Assert.Equal("Salon Sonnenschein", variables.GetProperty("firma").GetString());
        // Answered at once, and on record in the inbox under the called company.
        var recorded = await app.ReadAsync(db => db.Inbox.Where(i => i.EventType == "call_inbound" && i.Payload.Contains("+4917055556666")).ToListAsync());
        var called = E164Number.Parse(RetellClient.SalonNumber);
        var salon = await app.ReadAsync(db => db.PhoneNumbers.Where(n => n.Number == called).Select(n => n.CompanyId).SingleAsync());
        Assert.Equal(salon, Assert.Single(recorded).CompanyId);

        var unknown = await SendAsync(body.Replace("+493055501000", "+493099999999"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
