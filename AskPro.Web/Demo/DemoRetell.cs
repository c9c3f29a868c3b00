using System.Net;
using System.Net.Sockets;
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
    /// <summary>Call before the other hosted services are registered: the fake then starts first.</summary>
    public static void HostIfAsked(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !builder.Configuration.GetValue<bool>("Demo:HostFakeRetell")) return;
        var fake = new HostedFakeRetell(FreeLoopbackPort());
        builder.Services.AddSingleton(fake);
        builder.Services.AddHostedService(_ => fake);
        builder.Services.AddOptions<RetellOptions>().PostConfigure(o => o.ApiBaseUrl = fake.BaseUrl.ToString());
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The fake, started with the app's hosted services — after the app's host is built,
    /// never while it is being built (a test host would take the fake's host for the app's) —
    /// and stopped with the app (a server the app started is the app's to stop).</summary>
    public sealed class HostedFakeRetell(int port) : IHostedService
    {
        private FakeRetellServer? _server;

        public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}/");

        public async Task StartAsync(CancellationToken ct) => _server = await FakeRetellServer.StartAsync(port: port);

        public async Task StopAsync(CancellationToken ct)
        {
            if (_server is not null) await _server.DisposeAsync();
            _server = null;
        }
    }
}
