using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AskPro.Core.Access;
using AskPro.Infrastructure.Booking;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Api;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AskPro.Tests.Api;

/// <summary>The REST write side's contract (CONTRACTS.md): a taken start answers 409 with the
/// engine's alternatives, a booking without staff goes to whoever is free, customers are created
/// by the one rule set (409 for a number the company has), a repeated Idempotency-Key returns the
/// first answer and never books twice, and a body that is too big or broken changes nothing.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class RestContractTests(BookingApp app)
{
    private HttpClient Api => app.Host.ApiClient(DemoData.Salon.ApiKey);

    private Task<(Guid Anna, Guid Haircut, Guid[] Performers)> IdsAsync() => app.ReadAsync(async db =>
    {
        var salon = await db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync();
        var haircut = await db.Services.FirstAsync(s => s.CompanyId == salon && s.Name == "Herrenhaarschnitt");
        var staff = await db.Staff.Include(s => s.Services).Where(s => s.CompanyId == salon).ToListAsync();
        return (staff.First(s => s.Name == "Anna Schmidt").Id, haircut.Id, staff.Where(s => s.Services.Any(x => x.Id == haircut.Id)).Select(s => s.Id).ToArray());
    });

    private Task<int> AppointmentsAtAsync(DateTimeOffset start) => app.ReadAsync(db =>
        db.Appointments.CountAsync(a => a.StartUtc == start.UtcDateTime && a.Status != Core.Scheduling.AppointmentStatus.Cancelled));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_taken_start_answers_409_with_the_engines_alternatives_and_each_alternative_books()
    {
        app.Clock.Now = BookingApp.Start;
        var (anna, haircut, _) = await IdsAsync();
        var start = "2027-01-26T10:00:00+01:00";
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start, customer = new { name = "Erika Erste" } })).StatusCode);

        var taken = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start, customer = new { name = "Zora Zweite" } });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var problem = await JsonAsync(taken);
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.NotEmpty(alternatives);
        Assert.All(alternatives, a => Assert.Equal(anna.ToString(), a.GetProperty("staffId").GetString()));
        Assert.DoesNotContain(alternatives, a => a.GetProperty("start").GetDateTimeOffset() == DateTimeOffset.Parse(start));

        // An alternative is really free: booking it succeeds.
        var offered = alternatives[0].GetProperty("start").GetString();
        var second = await Api.PostAsJsonAsync("/api/v1/appointments", new { staffId = anna, serviceId = haircut, start = offered, customer = new { name = "Zora Zweite" } });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        // A move onto a taken start: 409 with alternatives for the appointment's own staff member.
        var secondId = (await JsonAsync(second)).GetProperty("id").GetString();
        var move = await Api.PatchAsJsonAsync($"/api/v1/appointments/{secondId}", new { start });
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.NotEmpty((await JsonAsync(move)).GetProperty("alternatives").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_staff_member_the_booking_goes_to_whoever_is_free_and_when_nobody_is_the_answer_is_409()
    {
        app.Clock.Now = BookingApp.Start;
        var (_, haircut, performers) = await IdsAsync();
        var start = DateTimeOffset.Parse("2027-01-26T15:00:00+01:00");
        var booked = new List<string>();
        foreach (var i in Enumerable.Range(0, performers.Length))
        {
            var response = await Api.PostAsJsonAsync("/api/v1/appointments", new { serviceId = haircut, start, customer = new { name = $"Anja Anders{(char)('a' + i)}" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            booked.Add((await JsonAsync(response)).GetProperty("staffId").GetString()!);
        }
        Assert.Equal(performers.Select(p => p.ToString()).Order(), booked.Order()); // each performer once

        var none = await Api.PostAsJsonAsync("/api/v1/appointments", new { serviceId = haircut, start, customer = new { name = "Nina Niemand" } });
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.NotEmpty((await JsonAsync(none)).GetProperty("alternatives").EnumerateArray());
        Assert.Equal(performers.Length, await AppointmentsAtAsync(start));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_answer_and_books_once()
    {
        app.Clock.Now = BookingApp.Start;
        var (anna, haircut, _) = await IdsAsync();
        var start = DateTimeOffset.Parse("2027-01-27T10:00:00+01:00");
        var key = "order-" + Guid.NewGuid().ToString("N");
        var body = new { staffId = anna, serviceId = haircut, start, customer = new { name = "Ida Idem" } };
        HttpRequestMessage Post(object payload, string idempotencyKey, string path = "/api/v1/appointments")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(payload) };
            request.Headers.TryAddWithoutValidation(Idempotency.Header, idempotencyKey);
            return request;
        }

        // Ten clients send the same keyed request at once: one booking; every answer is the first one or "still running".
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Api.SendAsync(Post(body, key))));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        var ids = await Task.WhenAll(created.Select(async a => (await JsonAsync(a)).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
        foreach (var running in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("Request in progress", (await JsonAsync(running)).GetProperty("title").GetString());
        Assert.Equal(1, await AppointmentsAtAsync(start));

        // Later, the same request again: the first answer, byte for byte, marked as a replay.
        var replay = await Api.SendAsync(Post(body, key));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.Equal(ids[0], (await JsonAsync(replay)).GetProperty("id").GetString());
        Assert.Equal($"/api/v1/appointments/{ids[0]}", replay.Headers.Location?.ToString());

        // The same key with another body, or on another route: refused, nothing booked.
        var other = await Api.SendAsync(Post(body with { start = start.AddHours(1) }, key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(0, await AppointmentsAtAsync(start.AddHours(1)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Api.SendAsync(Post(new { name = "Ida Idem" }, key, "/api/v1/customers"))).StatusCode);

        // Malformed keys: too long, control characters.
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.SendAsync(Post(body with { start = start.AddHours(2) }, new string('k', 256)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.SendAsync(Post(body with { start = start.AddHours(2) }, "a b\tc"))).StatusCode);
        Assert.Equal(0, await AppointmentsAtAsync(start.AddHours(2)));

        // Another company may use the same key: keys are per company.
        var praxis = app.Host.ApiClient(DemoData.Praxis.ApiKey);
        var praxisAnswer = await praxis.SendAsync(Post(body, key));
        Assert.NotEqual("true", praxisAnswer.Headers.TryGetValues(Idempotency.ReplayedHeader, out var v) ? v.Single() : null);
        Assert.Equal(HttpStatusCode.BadRequest, praxisAnswer.StatusCode); // the salon's staff and service are unknown ids there

        // After 24 hours the key is forgotten (the cleanup job drops it) and the request runs again: now the slot is taken.
        app.Clock.Now = BookingApp.Start + TimeSpan.FromHours(25);
        try
        {
            var scheduler = await app.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(HoldCleanupJob.Key, new JobDataMap(), CancellationToken.None);
            await Eventually.Async("the expired idempotency record removed",
                () => app.ReadAsync(db => db.IdempotentRequests.CountAsync(r => r.Key == key && r.CompanyId == db.Companies.Single(c => c.TenantKey == DemoData.Salon.TenantKey).Id)),
                count => count == 0);
            var afresh = await Api.SendAsync(Post(body, key));
            Assert.Equal(HttpStatusCode.Conflict, afresh.StatusCode);
            Assert.False(afresh.Headers.Contains(Idempotency.ReplayedHeader));
            Assert.Equal("Slot taken", (await JsonAsync(afresh)).GetProperty("title").GetString());
        }
        finally
        {
            app.Clock.Now = BookingApp.Start;
        }
        Assert.Equal(1, await AppointmentsAtAsync(start));
    }

    [Fact]
    public async Task Customers_are_created_by_the_one_rule_set_and_hostile_input_stores_nothing()
    {
        var phone = "+49 170 " + Random.Shared.Next(1000000, 9999999);
        var created = await Api.PostAsJsonAsync("/api/v1/customers", new { name = "Carla Kunde", phone, email = "carla@example.org", notes = "Stammkundin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await JsonAsync(created);
        var id = item.GetProperty("id").GetString()!;
        Assert.StartsWith("+49170", item.GetProperty("phone").GetString());
        Assert.Equal(id, (await JsonAsync(await Api.GetAsync($"/api/v1/customers/{id}"))).GetProperty("id").GetString());

        // The same number in another spelling belongs to her: 409 with her id.
        var again = await Api.PostAsJsonAsync("/api/v1/customers", new { name = "Carla Doppelt", phone = "0" + phone[4..].Replace(" ", "") });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await JsonAsync(again)).GetProperty("customerId").GetString());

        // PATCH changes what it names; another customer's number is 409; another company's id 404.
        var patched = await Api.PatchAsJsonAsync($"/api/v1/customers/{id}", new { email = "Carla.Neu@Example.org" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedItem = await JsonAsync(patched);
        Assert.Equal("carla.neu@example.org", patchedItem.GetProperty("email").GetString()?.ToLowerInvariant());
        Assert.Equal("Carla Kunde", patchedItem.GetProperty("name").GetString());
        var other = await JsonAsync(await Api.PostAsJsonAsync("/api/v1/customers", new { name = "Olga Other", phone = "+49 171 " + Random.Shared.Next(1000000, 9999999) }));
        var clash = await Api.PatchAsJsonAsync($"/api/v1/customers/{other.GetProperty("id").GetString()}", new { phone });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(other.GetProperty("phone").GetString(), (await JsonAsync(await Api.GetAsync($"/api/v1/customers/{other.GetProperty("id").GetString()}"))).GetProperty("phone").GetString());
        var praxisCustomer = await app.ReadAsync(db => db.Customers.Where(c => c.CompanyId == db.Companies.Single(x => x.TenantKey == DemoData.Praxis.TenantKey).Id).Select(c => c.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PatchAsJsonAsync($"/api/v1/customers/{praxisCustomer}", new { name = "Gekapert" })).StatusCode);
        Assert.NotEqual("Gekapert", await app.ReadAsync(db => db.Customers.Where(c => c.Id == praxisCustomer).Select(c => c.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.PatchAsJsonAsync($"/api/v1/customers/{id}", new { name = "<script>x</script>" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.PatchAsJsonAsync($"/api/v1/customers/{id}", new { })).StatusCode);
        Assert.Equal("Carla Kunde", (await JsonAsync(await Api.GetAsync($"/api/v1/customers/{id}"))).GetProperty("name").GetString());

        var before = await app.ReadAsync(db => db.Customers.CountAsync());
        foreach (var hostile in new object[]
        {
            new { name = "<script>alert(1)</script>" },
            new { name = "Robert'); DROP TABLE Customers;--" },
            new { name = "Hans Huge", notes = new string('x', Core.Customers.Customer.MaxNotesLength + 1) },
            new { name = "Eva Email", email = "not-an-address" },
            new { name = "Paul Phone", phone = "12" },
            new { name = "" },
        })
            Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsJsonAsync("/api/v1/customers", hostile)).StatusCode);
        Assert.Equal(before, await app.ReadAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_body_too_big_or_broken_is_refused_and_changes_nothing()
    {
        var before = await app.ReadAsync(async db => (await db.Customers.CountAsync(), await db.Appointments.CountAsync()));
        var huge = "{\"name\":\"" + new string('a', RestApi.MaxBodyBytes * 4) + "\"}";
        var tooBig = await Api.PostAsync("/api/v1/customers", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        foreach (var broken in new[] { "{", "[1,2]", "{\"name\": 5}", "not json", "{\"serviceId\":\"x\",\"start\":\"31.02.2027\"}" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsync("/api/v1/customers", new StringContent(broken, Encoding.UTF8, "application/json"))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsync("/api/v1/appointments", new StringContent(broken, Encoding.UTF8, "application/json"))).StatusCode);
        }
        Assert.Equal(before, await app.ReadAsync(async db => (await db.Customers.CountAsync(), await db.Appointments.CountAsync())));
    }
}

/// <summary>Each API key has its own window: a key over its limit gets 429 with Retry-After and a
/// problem body, while another key keeps working.</summary>
public sealed class RestRateLimitTests
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_while_another_key_still_works()
    {
        using var host = new AppHost(new() { ["RateLimits:ApiRequestsPerKeyPerMinute"] = "5" });
        var salon = host.ApiClient(DemoData.Salon.ApiKey);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await salon.GetAsync("/api/v1/services")).StatusCode);

        var refused = await salon.GetAsync("/api/v1/services");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("Too many requests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.OK, (await host.ApiClient(DemoData.Praxis.ApiKey).GetAsync("/api/v1/services")).StatusCode);
    }
}
