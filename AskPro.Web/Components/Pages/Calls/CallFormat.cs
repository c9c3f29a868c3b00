using System.Globalization;

namespace AskPro.Web.Components.Pages.Calls;

/// <summary>How calls' numbers read on the calls pages, in the user's culture.</summary>
public static class CallFormat
{
    public static string Duration(int? seconds) => seconds is { } d ? $"{d / 60}:{d % 60:00}" : "–";

    /// <summary>Retell reports combined_cost in US cents: shown as dollars, written the way the
    /// user's culture writes money ("0,12 $" in German, "$0.12" in English).</summary>
    public static string Cost(long? cents)
    {
        if (cents is not { } c) return "–";
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "$";
        return (c / 100m).ToString("C", format);
    }
}
