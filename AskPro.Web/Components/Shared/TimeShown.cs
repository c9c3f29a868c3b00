namespace AskPro.Web.Components.Shared;

/// <summary>How much of an instant <see cref="LocalTime"/> shows, in the culture's own patterns.</summary>
public enum TimeShown { DateAndTime, Date, Time, TimeWithSeconds, WeekdayAndTime, WeekdayDateAndTime, DateAndTimeWithSeconds }
