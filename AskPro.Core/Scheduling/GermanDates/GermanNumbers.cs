namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>German number words as callers say them ("vierzehn", "fünfundvierzig",
/// "dreiundzwanzigsten"), normalised spelling (ae/oe/ue/ss).</summary>
internal static class GermanNumbers
{
    private static readonly Dictionary<string, int> Units = new()
    {
        ["null"] = 0, ["ein"] = 1, ["eins"] = 1, ["eine"] = 1, ["einer"] = 1, ["einem"] = 1, ["zwei"] = 2, ["zwo"] = 2, ["drei"] = 3, ["vier"] = 4,
        ["fuenf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9, ["zehn"] = 10, ["elf"] = 11,
        ["zwoelf"] = 12, ["dreizehn"] = 13, ["vierzehn"] = 14, ["fuenfzehn"] = 15, ["sechzehn"] = 16,
        ["siebzehn"] = 17, ["achtzehn"] = 18, ["neunzehn"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new()
    {
        ["zwanzig"] = 20, ["dreissig"] = 30, ["vierzig"] = 40, ["fuenfzig"] = 50,
    };

    private static readonly Dictionary<string, int> IrregularOrdinals = new()
    {
        ["erst"] = 1, ["zweit"] = 2, ["dritt"] = 3, ["viert"] = 4, ["fuenft"] = 5, ["sechst"] = 6, ["siebt"] = 7,
        ["siebent"] = 7, ["acht"] = 8, ["neunt"] = 9, ["zehnt"] = 10, ["elft"] = 11, ["zwoelft"] = 12,
    };

    /// <summary>A cardinal 0–59 as digits or words.</summary>
    public static int? Cardinal(string word)
    {
        if (word.Length is > 0 and <= 2 && word.All(char.IsAsciiDigit)) return int.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
        if (Units.TryGetValue(word, out var unit)) return unit;
        if (Tens.TryGetValue(word, out var ten)) return ten;
        var und = word.IndexOf("und", StringComparison.Ordinal);
        if (und > 0 && Units.TryGetValue(word[..und], out var ones) && ones is > 0 and < 10 && Tens.TryGetValue(word[(und + 3)..], out var tens))
            return tens + ones;
        return null;
    }

    /// <summary>An ordinal day 1–31 ("dritten", "vierundzwanzigste", "3.").</summary>
    public static int? Ordinal(string word)
    {
        foreach (var ending in new[] { "sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te", "en", "er", "es", "em", "e" })
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal) || word.Length <= ending.Length) continue;
            var stem = word[..^ending.Length];
            if (IrregularOrdinals.TryGetValue(stem, out var irregular)) return irregular;
            if (ending.StartsWith('s') && Cardinal(stem) is { } day and >= 13 and <= 31) return day;
            if (ending.StartsWith('t') && Cardinal(stem) is { } small and >= 13 and <= 19) return small;
        }
        return null;
    }
}
