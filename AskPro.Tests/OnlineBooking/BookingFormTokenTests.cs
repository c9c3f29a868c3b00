using AskPro.Tests.Support;
using AskPro.Web.OnlineBooking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AskPro.Tests.OnlineBooking;

public sealed class BookingFormTokenTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero));
    private readonly BookingFormToken _tokens;

    public BookingFormTokenTests() =>
        _tokens = new BookingFormToken(new EphemeralDataProtectionProvider(), _clock,
            Options.Create(new OnlineBookingOptions { MinSecondsToSubmit = 3, MaxFormMinutes = 30 }));

    [Fact]
    public void A_form_sent_back_within_seconds_is_a_script_and_one_sent_after_half_an_hour_is_stale()
    {
        var token = _tokens.Issue("demo-salon");
        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(FormTokenCheck.TooFast, _tokens.Check(token, "demo-salon"));
        _clock.Now += TimeSpan.FromSeconds(5);
        Assert.Equal(FormTokenCheck.Valid, _tokens.Check(token, "demo-salon"));
        _clock.Now += TimeSpan.FromMinutes(31);
        Assert.Equal(FormTokenCheck.TooOld, _tokens.Check(token, "demo-salon"));
    }

    [Fact]
    public void A_token_of_another_company_a_forged_or_a_huge_one_is_refused()
    {
        var token = _tokens.Issue("demo-salon");
        _clock.Now += TimeSpan.FromSeconds(10);
        Assert.Equal(FormTokenCheck.Invalid, _tokens.Check(token, "demo-praxis"));
        Assert.Equal(FormTokenCheck.Invalid, _tokens.Check(token[..^4] + "AAAA", "demo-salon"));
        Assert.Equal(FormTokenCheck.Invalid, _tokens.Check(new string('A', 5000), "demo-salon"));
        Assert.Equal(FormTokenCheck.Invalid, _tokens.Check(null, "demo-salon"));
        var otherKeys = new BookingFormToken(new EphemeralDataProtectionProvider(), _clock, Options.Create(new OnlineBookingOptions()));
        Assert.Equal(FormTokenCheck.Invalid, otherKeys.Check(token, "demo-salon"));
    }
}
