using System.Net;
using System.Text;
using AskPro.Benchmarks.Http;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;

namespace AskPro.Benchmarks.Soak;

/// <summary>The mixed traffic: simulated phone calls (each sticky to one node, as a load
/// balancer keeps a call's requests together), extra signed webhook deliveries and signed-in
/// portal reads. Every loop waits between requests, so the request rate is bounded by
/// concurrency ÷ think time whatever the app does.</summary>
public sealed class SoakTraffic(SoakNodes nodes, SoakOptions options, RouteStats stats)
{
    private const string RetellKey = "askpro-demo-retell-key";
    private static readonly string[] PortalPages = ["/", "/calendar", "/calls", "/appointments"];
    private static readonly string[] HealthPages = ["health/live", "health/ready"];
    private readonly HttpClient[] _phone = nodes.Apps.Select(a =>
        new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(30) }).ToArray();
    private int _calls;

    public long CallsStarted => _calls;

    public async Task RunAsync(CancellationToken stop)
    {
        var portal = new List<PortalSession>();
        try
        {
            foreach (var app in nodes.Apps) portal.Add(await PortalSession.SignInAsync(app.Address, "admin@salon.demo", "Demo!Salon2026"));
            var loops = Enumerable.Range(0, options.Calls).Select(worker => CallLoopAsync(worker, stop))
                .Concat(Enumerable.Range(0, nodes.Apps.Count).SelectMany(node => new[]
                {
                    WebhookLoopAsync(node, stop), PortalLoopAsync(node, portal[node], stop), HealthLoopAsync(node, stop),
                }));
            await Task.WhenAll(loops);
        }
        finally
        {
            foreach (var session in portal) session.Dispose();
            foreach (var http in _phone) http.Dispose();
        }
    }

    /// <summary>One caller after another on this line: initialize_call, check_availability twice,
    /// a booking in three of five calls, then Retell's signed call_ended.</summary>
    private async Task CallLoopAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            var call = Interlocked.Increment(ref _calls);
            var node = call % nodes.Apps.Count;
            var http = _phone[node];
            var (callId, from) = ($"soak_{call}", $"+4915{call:D9}");
            await Function(node, http, "initialize_call", null, callId, from, "ok");
            if (!await ThinkAsync(random, stop)) return;
            await Function(node, http, "check_availability", PhoneFunctionsLoad.RandomWish(random, 15, 40), callId, from, "available", "unavailable", "outside_hours", "too_soon");
            if (!await ThinkAsync(random, stop)) return;
            var wish = PhoneFunctionsLoad.RandomWish(random, 15, 80);
            await Function(node, http, "check_availability", wish, callId, from, "available", "unavailable", "outside_hours", "too_soon");
            if (!await ThinkAsync(random, stop)) return;
            if (random.Next(5) < 3)
            {
                await Function(node, http, "book_appointment", wish with { Name = $"Anrufer {PhoneFunctionsLoad.Letters(call)}" }, callId, from, "booked", "slot_taken", "outside_hours");
                if (!await ThinkAsync(random, stop)) return;
            }
            await stats.TimeAsync(node, "webhook call_ended (own call)", () => DeliverAsync(http, WebhookIngestLoad.ShortCall(callId)));
        }
    }

    private Task Function(int node, HttpClient http, string function, PhoneFunctionsLoad.WishArgs? wish, string callId, string from, params string[] expected) =>
        stats.TimeAsync(node, function, async () =>
        {
            var status = await PhoneFunctionsLoad.StatusAsync(http, function, wish, callId, from);
            return (status, expected.Contains(status));
        });

    /// <summary>Deliveries of calls the app has not seen (Retell's retries, calls of other agents): two a second per node.</summary>
    private async Task WebhookLoopAsync(int node, CancellationToken stop)
    {
        var i = 0;
        while (await PauseAsync(500, stop))
            await stats.TimeAsync(node, "webhook call_ended (extra)", () => DeliverAsync(_phone[node], WebhookIngestLoad.ShortCall($"soak_extra_{node}_{i++}")));
    }

    /// <summary>A salon admin clicking through the portal: one page a second per node.</summary>
    private async Task PortalLoopAsync(int node, PortalSession session, CancellationToken stop)
    {
        var i = 0;
        while (await PauseAsync(1000, stop))
        {
            var page = PortalPages[i++ % PortalPages.Length];
            await stats.TimeAsync(node, "GET " + page, async () =>
            {
                // Redirects are not followed: a 302 to the login would be a lost session.
                using var response = await session.Http.GetAsync(page);
                await response.Content.ReadAsByteArrayAsync();
                return ($"http {(int)response.StatusCode}", response.StatusCode == HttpStatusCode.OK);
            });
        }
    }

    /// <summary>What a load balancer and a monitor ask: the health pages, twice a second per node.</summary>
    private async Task HealthLoopAsync(int node, CancellationToken stop)
    {
        var i = 0;
        while (await PauseAsync(500, stop))
        {
            var page = HealthPages[i++ % HealthPages.Length];
            await stats.TimeAsync(node, "GET /" + page, async () =>
            {
                using var response = await _phone[node].GetAsync(page);
                return ($"http {(int)response.StatusCode}", response.StatusCode == HttpStatusCode.OK);
            });
        }
    }

    private static async Task<(string, bool)> DeliverAsync(HttpClient http, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/retell") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(body, RetellKey, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request);
        return ($"http {(int)response.StatusCode}", response.StatusCode == HttpStatusCode.NoContent);
    }

    /// <summary>The caller and the agent talking: think time ±50 %.</summary>
    private Task<bool> ThinkAsync(Random random, CancellationToken stop) =>
        PauseAsync(options.ThinkMs / 2 + random.Next(options.ThinkMs + 1), stop);

    private static async Task<bool> PauseAsync(int milliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(milliseconds, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // the soak is over
        }
    }
}
