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
