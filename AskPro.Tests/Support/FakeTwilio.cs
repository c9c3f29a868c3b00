using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskPro.Tests.Support;

/// <summary>A received request to the fake Twilio API, as it came over the wire.</summary>
public sealed record TwilioRequest(string Method, string Path, string ContentType, string? Authorization, IReadOnlyDictionary<string, string> Form);

/// <summary>Stands in for Twilio's REST API on a loopback port: answers
/// <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> like Twilio (201 with the message
/// resource), or with Twilio's error body when told to fail. Records every request.</summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "test-twilio-token";
    public const string From = "+4930555099999";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TwilioRequest> _requests = new();

    private FakeTwilio(WebApplication app) => _app = app;

    public IReadOnlyList<TwilioRequest> Requests => _requests.ToList();

    /// <summary>When set, the next requests are refused with this Twilio error code (HTTP 400).</summary>
    public int? FailWithCode { get; set; }

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public Dictionary<string, string?> Settings => new()
    {
        ["Twilio:AccountSid"] = AccountSid, ["Twilio:AuthToken"] = AuthToken, ["Twilio:From"] = From, ["Twilio:BaseUrl"] = BaseUrl,
    };

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", fake.CreateMessageAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> CreateMessageAsync(HttpContext context, string sid)
    {
        var form = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString()) : [];
        _requests.Enqueue(new TwilioRequest(context.Request.Method, context.Request.Path, context.Request.ContentType ?? "",
            context.Request.Headers.Authorization.ToString(), form));
        if (FailWithCode is { } code)
            return Results.Json(new Dictionary<string, object> { ["code"] = code, ["message"] = "The 'To' number is not a valid phone number.", ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = 400 }, statusCode: 400);
        var messageSid = "SM" + Guid.NewGuid().ToString("N");
        return Results.Json(new Dictionary<string, object?>
        {
            ["sid"] = messageSid, ["account_sid"] = sid, ["to"] = form.GetValueOrDefault("To"), ["from"] = form.GetValueOrDefault("From"),
            ["body"] = form.GetValueOrDefault("Body"), ["status"] = "queued", ["num_segments"] = "1", ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01", ["date_created"] = DateTime.UtcNow.ToString("R"), ["date_updated"] = DateTime.UtcNow.ToString("R"),
            ["price"] = null, ["error_code"] = null, ["error_message"] = null, ["uri"] = $"/2010-04-01/Accounts/{sid}/Messages/{messageSid}.json",
        }, statusCode: 201);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
