using System.Globalization;

namespace AskPro.Web.Components.Shared;

/// <summary>The value of an <c>&lt;input type="time"&gt;</c> as the server receives it: "HH:mm"
/// from the browser, "HH:mm:ss" through MudBlazor's text field or with seconds typed, "H:mm" by hand.</summary>
public static class TimeInput
{
    private static readonly string[] Formats = ["HH:mm", "HH:mm:ss", "H:mm"];

    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
