using AskPro.Web.OnlineBooking;
using Microsoft.Extensions.Options;

namespace AskPro.Tests.OnlineBooking;

public sealed class BookingAttemptLimitsTests
{
    [Fact]
    public void Attempts_are_limited_per_address_and_per_phone_number_independently()
    {
        using var limits = new BookingAttemptLimits(Options.Create(new OnlineBookingOptions { AttemptsPerIpPerHour = 3, AttemptsPerPhonePerDay = 2 }));
        Assert.True(limits.TryAttempt("10.0.0.1", "+4915100000001"));
        Assert.True(limits.TryAttempt("10.0.0.2", "+4915100000001"));
        Assert.False(limits.TryAttempt("10.0.0.3", "+4915100000001")); // the number's day is used up, from any address

        Assert.True(limits.TryAttempt("10.0.0.1", "+4915100000002"));
        Assert.True(limits.TryAttempt("10.0.0.1", "+4915100000003"));
        Assert.False(limits.TryAttempt("10.0.0.1", "+4915100000004")); // the address's hour is used up, for any number
        Assert.True(limits.TryAttempt("10.0.0.9", "+4915100000004"));
    }
}
