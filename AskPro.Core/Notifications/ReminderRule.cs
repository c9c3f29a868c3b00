namespace AskPro.Core.Notifications;

/// <summary>When an appointment's reminder goes out: the company's 24 or 48 hours before the
/// start, and two days before for anything booked more than a week ahead (people forget what
/// they booked long ago; Doctolib's rule). An appointment booked inside that window gets no
/// reminder: its confirmation is still fresh.</summary>
public static class ReminderRule
{
    public static readonly TimeSpan LongAhead = TimeSpan.FromDays(7);
    public static readonly TimeSpan LongAheadLead = TimeSpan.FromHours(48);
    public static readonly IReadOnlyList<int> CompanyChoices = [24, 48];

    /// <summary>The longest lead any appointment can have: how far ahead the job must look.</summary>
    public static TimeSpan MaxLead => LongAheadLead;

    public static TimeSpan Lead(int companyHoursBefore, DateTime bookedAtUtc, DateTime startUtc)
    {
        var lead = TimeSpan.FromHours(companyHoursBefore is 48 ? 48 : 24);
        return startUtc - bookedAtUtc > LongAhead && LongAheadLead > lead ? LongAheadLead : lead;
    }

    /// <summary>The instant the reminder is due, or null when it gets none.</summary>
    public static DateTime? DueAtUtc(int companyHoursBefore, DateTime bookedAtUtc, DateTime startUtc)
    {
        var due = startUtc - Lead(companyHoursBefore, bookedAtUtc, startUtc);
        return bookedAtUtc >= due ? null : due;
    }
}
