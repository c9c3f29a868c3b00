using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AskPro.Core.Notifications;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace AskPro.Tests.Notifications;

/// <summary>The e-mail and SMS gateways against real servers on loopback: a real SMTP server,
/// a fake Twilio API answering as Twilio does.</summary>
public sealed class MessageGatewayTests
{
    [Fact]
    public async Task An_email_arrives_over_smtp_with_text_html_and_its_attachment()
    {
        await using var smtp = FakeSmtpServer.Start();
        var gateway = new SmtpEmailGateway(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None, FromAddress = "termine@askpro.test" });
        var ics = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        await gateway.SendAsync(new OutgoingEmail("lena@example.org", "Ihr Termin", "Hallo Lena, bis Dienstag.", "<p>Hallo Lena, bis <b>Dienstag</b>.</p>", "Salon Sonnenschein")
        {
            Attachments = [new MailAttachment("termin.ics", "text/calendar; method=REQUEST; charset=utf-8", ics)],
        }, default);

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Ihr Termin", mail.Subject);
        Assert.Equal("lena@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal(("Salon Sonnenschein", "termine@askpro.test"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Contains("bis Dienstag", mail.TextBody);
        Assert.Contains("<b>Dienstag</b>", mail.HtmlBody);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("termin.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(ics, content.ToArray());
    }

    [Fact]
    public async Task An_sms_is_posted_to_twilios_messages_api_as_twilio_expects_it()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        var gateway = Twilio(twilio);

        var sid = await gateway.SendAsync(new OutgoingSms(E164Number.Parse("+4915112345678"), "Ihr Termin am Dienstag um 14:30 Uhr ist bestätigt."), default);

        var request = Assert.Single(twilio.Requests);
        Assert.StartsWith("SM", sid);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}")), request.Authorization);
        Assert.Equal("+4915112345678", request.Form["To"]);
        Assert.Equal(FakeTwilio.From, request.Form["From"]);
        Assert.Equal("Ihr Termin am Dienstag um 14:30 Uhr ist bestätigt.", request.Form["Body"]);
    }

    [Fact]
    public async Task A_refused_sms_fails_loudly_with_twilios_reason()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.FailWithCode = 21211;

        var error = await Assert.ThrowsAsync<Twilio.Exceptions.ApiException>(() =>
            Twilio(twilio).SendAsync(new OutgoingSms(E164Number.Parse("+4915112345678"), "x"), default));

        Assert.Equal(21211, error.Code);
    }

    [Fact]
    public async Task Account_emails_go_over_smtp_and_into_the_dev_outbox_json()
    {
        await using var smtp = FakeSmtpServer.Start();
        using var app = new AppHost(smtp.Settings);
        var mailer = app.Services.GetRequiredService<IEmailSender<AppUser>>();
        var link = new Uri(app.BaseAddress, "account/reset-password?token=abc").AbsoluteUri;

        await mailer.SendPasswordResetLinkAsync(new AppUser { Email = "team@salon.demo" }, "team@salon.demo", link);

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Passwort zurücksetzen", mail.Subject);
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var outbox = await client.GetFromJsonAsync<JsonElement>("/dev/outbox.json");
        var newest = outbox.EnumerateArray().First();
        Assert.Equal(["channel", "to", "subject", "text", "sentAt"], newest.EnumerateObject().Select(p => p.Name));
        Assert.Equal("email", newest.GetProperty("channel").GetString());
        Assert.Equal("team@salon.demo", newest.GetProperty("to").GetString());
        Assert.Contains(link, newest.GetProperty("text").GetString());
    }

    private static TwilioSmsGateway Twilio(FakeTwilio twilio)
    {
        var services = new ServiceCollection();
        services.AddAskProNotifications(new ConfigurationBuilder().AddInMemoryCollection(twilio.Settings).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddSingleton(TimeProvider.System);
        return services.BuildServiceProvider().GetRequiredService<TwilioSmsGateway>();
    }
}
