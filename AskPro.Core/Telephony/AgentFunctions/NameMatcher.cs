using System.Globalization;
using System.Text;
using AskPro.Core.Directory;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>Matches what the caller said ("Haare schneiden", "bei der Anna") against services
/// (names and aliases) and staff names: exact word matches first, then small typos (edit
/// distance ≤ 2 for words of 5+ letters), as transcripts spell names loosely.</summary>
public static class NameMatcher
{
    public static IReadOnlyList<Service> Services(string said, IReadOnlyList<Service> services)
    {
        var words = Words(said);
        if (words.Count == 0) return [];
        var scored = services
            .Select(s => (Service: s, Score: new[] { s.Name }.Concat(s.Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Max(name => Score(words, Words(name)))))
            .Where(x => x.Score > 0)
            .ToList();
        if (scored.Count == 0) return [];
        var best = scored.Max(x => x.Score);
        return scored.Where(x => x.Score == best).Select(x => x.Service).ToList();
    }

    public static IReadOnlyList<Staff> Staff(string said, IReadOnlyList<Staff> staff)
    {
        var words = Words(said).Where(w => w is not ("bei" or "der" or "dem" or "frau" or "herr" or "herrn" or "dr")).ToList();
        if (words.Count == 0) return [];
        var scored = staff.Select(s => (Staff: s, Score: Score(words, Words(s.Name)))).Where(x => x.Score > 0).ToList();
        if (scored.Count == 0) return [];
        var best = scored.Max(x => x.Score);
        return scored.Where(x => x.Score == best).Select(x => x.Staff).ToList();
    }

    /// <summary>2 per exactly matching word, 1 per near match; whole-phrase equality wins.</summary>
    private static int Score(IReadOnlyList<string> said, IReadOnlyList<string> name)
    {
        if (said.SequenceEqual(name)) return 100;
        var joinedSaid = string.Concat(said);
        var joinedName = string.Concat(name);
        if (joinedSaid == joinedName) return 90;
        var score = 0;
        foreach (var word in said)
        {
            if (name.Contains(word) || (word.Length >= 5 && joinedName.Contains(word))) score += 2;
            else if (word.Length >= 5 && name.Any(n => n.Length >= 5 && Distance(word, n) <= 2)) score += 1;
        }
        return score;
    }

    private static List<string> Words(string text)
    {
        var normalized = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            normalized.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return normalized.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
