using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskPro.Tests.Support;
using AskPro.Web.Demo;

namespace AskPro.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class RestApiTests(AppHost app)
{
    private static readonly string[] Lists = ["branches", "services", "staff", "customers", "appointments", "calls"];

    private HttpClient Salon => app.ApiClient(DemoData.Salon.ApiKey);
    private HttpClient Praxis => app.ApiClient(DemoData.Praxis.ApiKey);

    [Fact]
    public async Task Each_company_lists_only_its_own_data()
    {
        var salonBranches = await ItemsAsync(Salon, "branches");
        var praxisBranches = await ItemsAsync(Praxis, "branches");
        Assert.Equal(DemoData.Salon.BranchName, Assert.Single(salonBranches).GetProperty("name").GetString());
        Assert.Equal(DemoData.Praxis.BranchName, Assert.Single(praxisBranches).GetProperty("name").GetString());

        var salonServices = (await ItemsAsync(Salon, "services")).Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("Damenhaarschnitt", salonServices);
        Assert.DoesNotContain("Erstgespräch", salonServices);

        foreach (var list in new[] { "customers", "appointments", "calls", "staff" })
        {
            var salonIds = (await ItemsAsync(Salon, list, 200)).Select(Id).ToHashSet();
            var praxisIds = (await ItemsAsync(Praxis, list, 200)).Select(Id).ToHashSet();
            Assert.NotEmpty(salonIds);
            Assert.NotEmpty(praxisIds);
            Assert.Empty(salonIds.Intersect(praxisIds));
        }
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("appointments")]
    [InlineData("calls")]
    public async Task Another_companys_id_is_not_found(string resource)
    {
        var praxisId = Id((await ItemsAsync(Praxis, resource))[0]);
        var response = await Salon.GetAsync($"/api/v1/{resource}/{praxisId}");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);

        var own = await Praxis.GetAsync($"/api/v1/{resource}/{praxisId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Lists_page_with_totals()
    {
        var page1 = await Salon.GetFromJsonAsync<JsonElement>("/api/v1/appointments?page=1&pageSize=7");
        var page2 = await Salon.GetFromJsonAsync<JsonElement>("/api/v1/appointments?page=2&pageSize=7");
        Assert.Equal(7, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(page1.GetProperty("total").GetInt32(), page2.GetProperty("total").GetInt32());
        Assert.True(page1.GetProperty("total").GetInt32() > 14);
        Assert.Empty(page1.GetProperty("items").EnumerateArray().Select(Id).Intersect(page2.GetProperty("items").EnumerateArray().Select(Id)));
        var start = page1.GetProperty("items")[0].GetProperty("start").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$", start); // Berlin offset, never Z
    }

    [Fact]
    public async Task A_customer_is_found_by_any_spelling_of_the_number()
    {
        var customer = (await ItemsAsync(Salon, "customers", 200)).First(c => c.GetProperty("phone").GetString()!.StartsWith("+49151"));
        var e164 = customer.GetProperty("phone").GetString()!;
        var national = "0" + e164[3..];
        foreach (var spelling in new[] { e164, national, $"+49 {e164[3..6]} {e164[6..]}", $"0049-{e164[3..6]}-{e164[6..]}", $"({national[..4]}) {national[4..]}" })
        {
            var found = await ItemsAsync(Salon, "customers?phone=" + Uri.EscapeDataString(spelling));
            Assert.Equal(Id(customer), Id(Assert.Single(found)));
        }
        // The praxis does not have this customer, whatever the spelling.
        Assert.Empty(await ItemsAsync(Praxis, "customers?phone=" + Uri.EscapeDataString(national)));
    }

    [Theory]
    [InlineData("/api/v1/customers/not-an-id")]
    [InlineData("/api/v1/appointments/123")]
    [InlineData("/api/v1/calls/%27%20OR%201=1--")]
    [InlineData("/api/v1/appointments?pageSize=201")]
    [InlineData("/api/v1/appointments?pageSize=100000000000")]
    [InlineData("/api/v1/customers?pageSize=-1")]
    [InlineData("/api/v1/customers?pageSize=abc")]
    [InlineData("/api/v1/customers?page=0")]
    [InlineData("/api/v1/calls?page=1e9")]
    [InlineData("/api/v1/customers?nmae=Lena")]
    [InlineData("/api/v1/branches?status=Active")]
    [InlineData("/api/v1/appointments?status=Deleted")]
    [InlineData("/api/v1/appointments?status=7")]
    [InlineData("/api/v1/appointments?from=2026-13-45")]
    [InlineData("/api/v1/appointments?from=2026-11-30&to=2026-11-01")]
    [InlineData("/api/v1/calls?to=yesterday")]
    [InlineData("/api/v1/customers?phone=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/api/v1/customers?phone=%27%3B%20DROP%20TABLE%20Customers%3B--")]
    public async Task Bad_input_gets_400_with_problem_details(string url)
    {
        await AssertProblemAsync(await Salon.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Injection_strings_in_search_are_just_text()
    {
        foreach (var q in new[] { "' OR 1=1 --", "%", "_", "\\", "Lena'; DROP TABLE \"Customers\";--", "😀", new string('x', 100) })
        {
            var response = await Salon.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        }
        await AssertProblemAsync(await Salon.GetAsync("/api/v1/customers?q=" + new string('x', 5000)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(await ItemsAsync(Salon, "customers")); // still there
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-123")]
    [InlineData("x")]
    [InlineData("DEMO-API-KEY-SALON")]
    [InlineData("demo-api-key-salon-revoked")]
    public async Task Missing_or_wrong_key_gets_401(string? key)
    {
        using var client = app.ApiClient(key);
        foreach (var list in Lists)
            await AssertProblemAsync(await client.GetAsync($"/api/v1/{list}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_is_described_by_openapi_and_swagger_ui()
    {
        using var client = app.ApiClient(null);
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/customers", paths);
        Assert.Contains("/api/v1/appointments/{id}", paths);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html")).StatusCode);

        // The write side carries examples: the body to send, and the 409 with the engine's alternatives.
        var book = document.GetProperty("paths").GetProperty("/api/v1/appointments").GetProperty("post");
        var request = book.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(request.TryGetProperty("serviceId", out _));
        Assert.Equal("Lena Müller", request.GetProperty("customer").GetProperty("name").GetString());
        var conflict = book.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        Assert.Equal(2, conflict.GetProperty("alternatives").GetArrayLength());
        Assert.Contains(book.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        var customer = document.GetProperty("paths").GetProperty("/api/v1/customers").GetProperty("post");
        Assert.Equal("phone", customer.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("field").GetString());
        // GETs take no idempotency key.
        Assert.False(document.GetProperty("paths").GetProperty("/api/v1/customers").GetProperty("get").TryGetProperty("parameters", out var getParameters)
            && getParameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key"));
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = app.ApiClient(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task Detailed_health_is_for_platform_staff_only()
    {
        using var anonymous = app.ApiClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/health/detailed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Salon.GetAsync("/health/detailed")).StatusCode); // an API key is not platform staff
    }

    [Fact]
    public async Task Responses_carry_correlation_id_and_security_headers()
    {
        using var client = app.ApiClient(DemoData.Salon.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/branches");
        request.Headers.Add("X-Correlation-ID", "test-correlation-42");
        var response = await client.SendAsync(request);
        Assert.Equal("test-correlation-42", response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/api/v1/branches");
        hostile.Headers.TryAddWithoutValidation("X-Correlation-ID", "bad value\" injected");
        var replaced = (await client.SendAsync(hostile)).Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", replaced);
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string resource, int pageSize = 50)
    {
        var separator = resource.Contains('?') ? '&' : '?';
        var response = await client.GetAsync($"/api/v1/{resource}{separator}pageSize={pageSize}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
