using AskPro.Core.Shared;
using AskPro.Tests.Support;
using AskPro.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AskPro.Tests.Portal;

/// <summary>The building blocks every page uses: instants on the branch's clock in the user's
/// culture, numbers as people write them, counts, empty states and the confirm dialog.</summary>
public sealed class SharedComponentTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Theory]
    [InlineData("de-DE", "2026-03-29T00:30:00Z", TimeShown.DateAndTime, "29.03.2026 01:30")] // before the spring switch: +01:00
    [InlineData("de-DE", "2026-03-29T01:30:00Z", TimeShown.DateAndTime, "29.03.2026 03:30")] // after it: +02:00
    [InlineData("de-DE", "2026-12-31T23:30:00Z", TimeShown.Date, "01.01.2027")]             // New Year in Berlin already
    [InlineData("en-US", "2026-11-23T09:00:00Z", TimeShown.DateAndTime, "11/23/2026 10:00 AM")]
    [InlineData("de-DE", "2026-11-23T09:00:00Z", TimeShown.WeekdayAndTime, "Mo 10:00")]
    public void LocalTime_shows_the_instant_on_the_company_clock_in_the_users_culture(string culture, string utc, TimeShown show, string expected)
    {
        var instant = DateTimeOffset.Parse(utc).UtcDateTime;
        var time = _portal.Render<LocalTime>(p => p.Add(x => x.Utc, instant).Add(x => x.Show, show), culture);
        Assert.Equal(expected, time.Find("time").TextContent.Replace('\u202f', ' '));
        Assert.Equal(instant, DateTimeOffset.Parse(time.Find("time").GetAttribute("datetime")!).UtcDateTime); // machine-readable, with offset
    }

    [Fact]
    public void LocalTime_uses_the_branch_zone_when_given_and_a_dash_for_nothing()
    {
        var instant = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var ny = _portal.Render<LocalTime>(p => p.Add(x => x.Utc, instant).Add(x => x.Zone, "America/New_York").Add(x => x.Show, TimeShown.Time));
        Assert.Equal("04:00", ny.Find("time").TextContent);
        Assert.Equal("2026-11-23T04:00:00.0000000-05:00", ny.Find("time").GetAttribute("datetime"));
        var none = _portal.Render<LocalTime>(p => p.Add(x => x.Utc, (DateTime?)null));
        Assert.Equal("–", none.Find("span").TextContent);
        Assert.Empty(none.FindAll("time"));
    }

    [Theory]
    [InlineData("015112345678", "01511 2345678", "Mobil")] // as Google groups it
    [InlineData("+49 30 12345678", "030 12345678", "Festnetz")]
    [InlineData("+41 44 668 18 00", "+41 44 668 18 00", "Festnetz")]
    public void PhoneText_writes_a_number_nationally_in_the_companys_country_and_internationally_otherwise(string input, string shown, string type)
    {
        var phone = _portal.Render<PhoneText>(p => p.Add(x => x.Number, E164Number.Parse(input)));
        Assert.Equal(shown, phone.Find("[data-testid=phone]").TextContent);
        Assert.Equal("tel:" + E164Number.Parse(input).Value, phone.Find("[data-testid=phone]").GetAttribute("href"));
        Assert.Equal(type, phone.Find("[data-testid=phone-type]").TextContent);
    }

    [Fact]
    public void PhoneText_for_an_anonymous_caller_says_so()
    {
        var phone = _portal.Render<PhoneText>(p => p.Add(x => x.Number, (E164Number?)null).Add(x => x.Empty, "Anonym"));
        Assert.Equal("Anonym", phone.Find(".askpro-phone-none").TextContent);
        Assert.Empty(phone.FindAll("a"));
    }

    [Theory]
    [InlineData("de-DE", "12.345")]
    [InlineData("en-US", "12,345")]
    public void A_kpi_card_writes_its_number_in_the_users_culture(string culture, string expected)
    {
        var card = _portal.Render<KpiCard>(p => p.Add(x => x.Label, "Kunden").Add(x => x.Value, 12345).Add(x => x.TestId, "kpi"), culture);
        Assert.Equal(expected, card.Find("[data-testid=kpi]").TextContent.Trim());
        Assert.Contains("Kunden", card.Markup);
    }

    [Fact]
    public void The_empty_state_and_the_page_header_show_their_texts()
    {
        var empty = _portal.Render<EmptyState>(p => p.Add(x => x.Text, "Noch nichts da"));
        Assert.Equal("Noch nichts da", empty.Find("[data-testid=empty]").TextContent.Trim());
        var header = _portal.Render<PageHeader>(p => p.Add(x => x.Title, "Termine").Add(x => x.Subtitle, "Salon"));
        Assert.Equal("Termine", header.Find("h1").TextContent);
        Assert.Contains("Salon", header.Markup);
    }

    [Theory]
    [InlineData("confirm-ok", true)]
    [InlineData("confirm-cancel", false)]
    public async Task The_confirm_dialog_answers_true_only_when_confirmed(string button, bool expected)
    {
        var provider = _portal.Render<MudDialogProvider>();
        var dialogs = _portal.Context.Services.GetRequiredService<IDialogService>();
        var answer = provider.InvokeAsync(() => dialogs.ConfirmAsync("Widerrufen", "Schlüssel „Kasse“ widerrufen?", "Widerrufen", danger: true));

        provider.WaitForAssertion(() => Assert.Contains("Schlüssel „Kasse“ widerrufen?", provider.Markup));
        Assert.Contains("Abbrechen", provider.Find("[data-testid=confirm-cancel]").TextContent);
        await provider.Find($"[data-testid={button}]").ClickAsync(new());
        Assert.Equal(expected, await answer);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
