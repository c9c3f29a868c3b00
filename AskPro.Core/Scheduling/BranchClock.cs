namespace AskPro.Core.Scheduling;

/// <summary>The one place that converts between stored UTC instants and a branch's wall clock.</summary>
public static class BranchClock
{
    public static TimeZoneInfo Zone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    /// <summary>The instant as the branch's clock shows it, with the offset in force then.</summary>
    public static DateTimeOffset ToLocal(DateTime utc, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The wall-clock hour the instant shows at the branch, for a zone already looked up.</summary>
    public static TimeOnly TimeOfDay(DateTime utc, TimeZoneInfo zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>One day's wall clock at the branch: a day without a clock change has one offset,
    /// so its times convert by subtraction; the two change days a year take <see cref="ToUtc"/>.</summary>
    public static DayClock DayOf(DateOnly day, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var lastTick = midnight.AddDays(1).AddTicks(-1);
        var offset = zone.GetUtcOffset(midnight);
        var steady = offset == zone.GetUtcOffset(lastTick) && !zone.IsInvalidTime(midnight) && !zone.IsAmbiguousTime(midnight)
                     && !zone.IsAmbiguousTime(lastTick);
        return new DayClock(midnight, timeZoneId, steady ? offset : null);
    }

    public readonly struct DayClock(DateTime midnight, string timeZoneId, TimeSpan? offset)
    {
        public DateTime ToUtc(TimeSpan timeOfDay) => offset is { } steady
            ? DateTime.SpecifyKind(midnight + timeOfDay - steady, DateTimeKind.Utc)
            : BranchClock.ToUtc(midnight + timeOfDay, timeZoneId);
    }

    /// <summary>A wall-clock time at the branch as UTC. A time that does not exist (the hour
    /// skipped in March) is moved forward by the gap; an ambiguous one (October) takes the first.</summary>
    public static DateTime ToUtc(DateTime local, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
