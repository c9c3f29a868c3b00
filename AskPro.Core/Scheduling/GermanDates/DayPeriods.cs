using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>The one definition of each period of the day a caller names instead of a time
/// ("vormittags", "nach der Arbeit", "in der Mittagspause", "am späten Nachmittag"). Each is a
/// range of the wall clock that the parser clips to the branch's opening hours that day.
/// <see cref="AnyTime"/> ("so früh wie möglich", "egal wann") is the whole day, and without a
/// day it means any of the next days.</summary>
internal static partial class DayPeriods
{
    public const string AnyTime = "egal";

    private static readonly Dictionary<string, (TimeOnly From, TimeOnly To)> Ranges = new()
    {
        ["frueh"] = (new(7, 0), new(10, 0)),
        ["vormittag"] = (new(9, 0), new(12, 0)),
        ["spaeter vormittag"] = (new(10, 30), new(12, 0)),
        ["mittag"] = (new(11, 0), new(14, 0)),
        ["mittagspause"] = (new(12, 0), new(14, 0)),
        ["frueher nachmittag"] = (new(13, 0), new(15, 0)),
        ["nachmittag"] = (new(13, 0), new(17, 0)),
        ["spaeter nachmittag"] = (new(15, 0), new(18, 0)),
        ["gegen abend"] = (new(16, 0), new(19, 0)),
        ["abend"] = (new(17, 0), new(20, 0)),
        ["nach der arbeit"] = (new(17, 0), new(20, 0)),
        ["spaeter abend"] = (new(19, 0), new(22, 0)),
        [AnyTime] = (new(0, 0), new(23, 59)),
    };

    /// <summary>Takes the period named in the text; null when none is.</summary>
    public static string? Take(ref string text)
    {
        var m = Phrase().Match(text);
        if (!m.Success) return null;
        text = (text[..m.Index] + " " + text[(m.Index + m.Length)..]).Trim();
        return Key(m);
    }

    public static (TimeOnly From, TimeOnly To) Range(string key) => Ranges[key];

    /// <summary>Periods after noon: "um 3" said with them is 15:00.</summary>
    public static bool IsAfternoon(string? key) => key is "nachmittag" or "abend" or "frueher nachmittag" or "spaeter nachmittag"
        or "gegen abend" or "nach der arbeit" or "spaeter abend";

    /// <summary>Periods before noon: "um 10" said with them stays 10:00.</summary>
    public static bool IsMorning(string? key) => key is "frueh" or "vormittag" or "spaeter vormittag";

    private static string Key(Match m)
    {
        if (m.Groups["any"].Success) return AnyTime;
        if (m.Groups["pause"].Success) return "mittagspause";
        if (m.Groups["work"].Success) return "nach der arbeit";
        if (m.Groups["toward"].Success) return "gegen abend";
        if (m.Groups["early"].Success) return "frueh";
        var word = m.Groups["word"].Value switch { "morgens" or "morgen" or "frueh" => "frueh", var w => w.TrimEnd('s') };
        var nuance = m.Groups["nuance"].Value;
        if (nuance.Length == 0 || word == "frueh") return word;
        var key = (nuance.StartsWith("spaet", StringComparison.Ordinal) ? "spaeter " : "frueher ") + word;
        return Ranges.ContainsKey(key) ? key : word;
    }

    // Longer phrases first: "so früh wie möglich" is not "früh", "gegen Abend" is not "abends".
    [GeneratedRegex(@"\b(?:(?<any>(?:so\s)?(?:frueh|bald)\s(?:wie\s)?moeglich|moeglichst\s(?:frueh|bald)|fruehestmoeglich|egal\swann|wann\simmer(?:\s(?:was|etwas|es))?(?:\s(?:frei|geht))?(?:\sist)?|jederzeit|ganz\segal|ist\smir\segal|egal)|(?<pause>(?:in\sder\s|waehrend\sder\s)?mittagspause)|(?<work>nach\s(?:der\sarbeit|feierabend|dienstschluss))|(?<toward>gegen\sabend)|(?<early>(?:ganz\s)?frueh(?:\s|-)?morgens|in\sder\sfrueh)|(?:am\s|in\sder\s|gegen\s)?(?:(?<nuance>spaeten|spaet|fruehen|frueh)\s?)?(?<word>frueh|morgens|vormittags?|nachmittags?|mittags?|abends?))\b")]
    private static partial Regex Phrase();
}
