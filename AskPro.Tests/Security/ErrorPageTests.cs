using System.Net;
using AskPro.Core.Onboarding.SignUp;
using AskPro.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AskPro.Tests.Security;

/// <summary>ASVS 7.4: outside Development an unhandled exception ends on the German error page
/// (<c>UseExceptionHandler("/error")</c>), with status 500 and nothing of the exception in the answer.</summary>
public sealed class ErrorPageTests
{
    private const string Detail = "Geheimes Detail 4711 aus der Ausnahme";

    [Fact]
    public async Task An_unhandled_exception_in_Production_renders_the_German_error_page_without_the_exception()
    {
        // The sign-up page's use case cannot be built: the page throws while rendering, as any bug would.
        using var app = new AppHost(new() { ["environment"] = "Production", ["Scheduler:Enabled"] = "false", ["Retell:ApiKey"] = "production-test-retell-key", ["Demo:Seed"] = "false" },
            services: s => s.AddScoped<SignUp>(_ => throw new InvalidOperationException(Detail)));
        Assert.True(app.Services.GetRequiredService<IHostEnvironment>().IsProduction(), "the app must run as Production for the exception handler");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        using var response = await http.GetAsync("/signup");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Ein Fehler ist aufgetreten", html);
        Assert.Contains("data-testid=\"error-page\"", html);
        Assert.DoesNotContain(Detail, html);
        Assert.DoesNotContain(nameof(InvalidOperationException), html);
        Assert.DoesNotContain("   at ", html); // no stack trace
    }
}
