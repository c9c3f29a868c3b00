using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Security;

/// <summary>SQL fragments through every text filter reachable over HTTP (the REST API's query
/// parameters, the audit export's filters) are searched for as text: the answer is normal (200,
/// nothing matches the literal fragment), no other company's or unrelated rows come back, and the
/// database is as it was (tables still there, same row counts).</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SqlFragmentTests(AppHost app)
{
    public static TheoryData<string> Fragments => new()
    {
        "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE \"Customers\"; --", "\" OR \"\"=\"", "') OR ('a'='a", "%' OR 1=1 --",
        "'||(SELECT \"PasswordHash\" FROM \"AspNetUsers\" LIMIT 1)||'", "1; DELETE FROM \"Appointments\"", "' UNION SELECT NULL,NULL,NULL --",
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task Rest_filters_treat_sql_as_text(string fragment)
    {
        var before = await CountsAsync();
        using var api = app.ApiClient(DemoData.Salon.ApiKey);
        foreach (var path in new[] { "/api/v1/customers?q=", "/api/v1/calls?retellCallId=" })
        {
            using var response = await api.GetAsync(path + Uri.EscapeDataString(fragment));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength());
        }
        // Filters with a format (a phone number, a status word) refuse the fragment with a reason instead.
        foreach (var path in new[] { "/api/v1/customers?phone=", "/api/v1/appointments?status=" })
        {
            using var refused = await api.GetAsync(path + Uri.EscapeDataString(fragment));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"detail\"", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await CountsAsync());
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/v1/customers")).GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task Audit_filters_treat_sql_as_text(string fragment)
    {
        var before = await CountsAsync();
        using var admin = await PortalSession.SignInAsync(app.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        foreach (var filter in new[] { "text", "actor", "action" })
        {
            using var response = await admin.Http.GetAsync($"/audit/export.csv?{filter}={Uri.EscapeDataString(fragment)}");
            var csv = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{filter}: {(int)response.StatusCode}");
            Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only
        }
        using (var all = await admin.Http.GetAsync("/audit/export.csv"))
            Assert.True((await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<string> CountsAsync() => app.ReadAsync(async db => string.Join(",",
        await db.Customers.CountAsync(), await db.Appointments.CountAsync(), await db.Calls.CountAsync(), await db.Users.CountAsync(), await db.Companies.CountAsync()));
}
