using System.Net;
using AskPro.Tests.Support;
using AskPro.Web.Demo;

namespace AskPro.Tests.OnlineBooking;

/// <summary>The snippet a company puts on its website, over real HTTP.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class OnlineBookingEmbedTests(AppHost app)
{
    [Fact]
    public async Task The_snippet_frames_the_companys_booking_page_and_only_that_page_may_be_framed()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var script = await http.GetAsync($"/book/{DemoData.Salon.TenantKey}/embed.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains($"\"{app.BaseAddress.ToString().TrimEnd('/')}/book/{DemoData.Salon.TenantKey}\"", js);
        Assert.Contains("iframe", js);

        var page = await http.GetAsync($"/book/{DemoData.Salon.TenantKey}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors *", string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains(DemoData.Salon.Name, await page.Content.ReadAsStringAsync());

        var portal = await http.GetAsync("/account/login");
        Assert.Equal("DENY", portal.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("gibt-es-nicht")]
    [InlineData("%3Cscript%3E")]
    public async Task An_unknown_key_gets_a_404_and_no_script(string key)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var script = await http.GetAsync($"/book/{key}/embed.js");
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.DoesNotContain("iframe", await script.Content.ReadAsStringAsync());
        var page = await http.GetAsync($"/book/{key}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(DemoData.Salon.Name, await page.Content.ReadAsStringAsync());
    }
}
