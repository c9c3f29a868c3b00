namespace AskPro.Web.OnlineBooking;

/// <summary>Section "OnlineBooking": the public booking page's bot protection.</summary>
public sealed class OnlineBookingOptions
{
    public const string Section = "OnlineBooking";

    /// <summary>A person needs a few seconds to type a name and a number; a form sent sooner is a script.</summary>
    public int MinSecondsToSubmit { get; set; } = 3;

    /// <summary>A form older than this is stale (the held time is long gone).</summary>
    public int MaxFormMinutes { get; set; } = 30;

    /// <summary>Booking attempts per visitor address per hour, and per phone number per day.</summary>
    public int AttemptsPerIpPerHour { get; set; } = 20;
    public int AttemptsPerPhonePerDay { get; set; } = 5;

    /// <summary>Loads of the booking page and its snippet per visitor address per minute.</summary>
    public int PageLoadsPerIpPerMinute { get; set; } = 60;
}
