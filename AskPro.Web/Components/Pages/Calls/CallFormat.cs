using System.Globalization;

namespace AskPro.Web.Components.Pages.Calls;

/// <summary>How calls' numbers read on the calls pages.</summary>
public static class CallFormat
{
    public static string Duration(int? seconds) => seconds is { } d ? $"{d / 60}:{d % 60:00}" : "–";

    /// <summary>Retell reports combined_cost in US cents.</summary>
    public static string Cost(long? cents) => cents is { } c ? (c / 100m).ToString("0.00", CultureInfo.CurrentCulture) + " USD" : "–";
}
