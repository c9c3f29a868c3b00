using AskPro.Infrastructure.Telephony;
using AskPro.Tools.FakeRetell;

namespace AskPro.Web.Demo;

/// <summary>"Demo:HostFakeRetell" (Development only): the demo hosts the fake Retell API
/// (tools/FakeRetell) inside its own process on a free loopback port and points
/// <c>Retell:ApiBaseUrl</c> at it, so a new company can be signed up and its phone agent
/// provisioned with nothing but <c>dotnet run --project AskPro.Web</c>. The app still talks to
/// it over real HTTP, exactly as to Retell; GET {url}/_fake/state shows what was created.</summary>
public static class DemoRetell
{
    public static void HostIfAsked(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !builder.Configuration.GetValue<bool>("Demo:HostFakeRetell")) return;
        builder.Services.AddSingleton<HostedFakeRetell>();
        builder.Services.AddOptions<RetellOptions>().PostConfigure<HostedFakeRetell>((o, fake) => o.ApiBaseUrl = fake.BaseUrl.ToString());
    }

    /// <summary>The fake, started when first needed — after the app's host is built, never while
    /// it is being built (a test host would take the fake's host for the app's) — and stopped
    /// when the app's container is disposed (a server the app started is the app's to stop).</summary>
    public sealed class HostedFakeRetell : IAsyncDisposable
    {
        private readonly FakeRetellServer _server = FakeRetellServer.StartAsync().GetAwaiter().GetResult();

        public Uri BaseUrl => _server.BaseUrl;

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
