using AskPro.Core.Notifications;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;

namespace AskPro.Infrastructure.Notifications;

/// <summary>Section "Twilio". <see cref="BaseUrl"/> replaces https://api.twilio.com (tests, a
/// proxy). Sender: <see cref="MessagingServiceSid"/> if set, else <see cref="From"/>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";
    public string AccountSid { get; set; } = "";
    public string AuthToken { get; set; } = "";
    public string From { get; set; } = "";
    public string MessagingServiceSid { get; set; } = "";
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => AccountSid.Length > 0 && AuthToken.Length > 0 && (From.Length > 0 || MessagingServiceSid.Length > 0);
}

/// <summary>SMS through Twilio's Messages API with the official library; its HTTP goes through
/// our named client, whose handler points it at <see cref="TwilioOptions.BaseUrl"/>.</summary>
public sealed class TwilioSmsGateway(IHttpClientFactory http, TwilioOptions options) : ISmsGateway
{
    public const string HttpClientName = "twilio";

    public async Task<string> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        var client = new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName)));
        var create = new CreateMessageOptions(new Twilio.Types.PhoneNumber(sms.To.Value)) { Body = sms.Text };
        if (options.MessagingServiceSid.Length > 0) create.MessagingServiceSid = options.MessagingServiceSid;
        else create.From = new Twilio.Types.PhoneNumber(options.From);
        var message = await MessageResource.CreateAsync(create, client);
        return message.Sid;
    }
}

/// <summary>Sends Twilio's requests (built for https://api.twilio.com) to the configured base URL.</summary>
internal sealed class TwilioBaseUrlHandler(TwilioOptions options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = new Uri(options.BaseUrl.TrimEnd('/') + "/");
        if (request.RequestUri is { } uri)
            request.RequestUri = new Uri(target, uri.PathAndQuery.TrimStart('/'));
        return base.SendAsync(request, ct);
    }
}
