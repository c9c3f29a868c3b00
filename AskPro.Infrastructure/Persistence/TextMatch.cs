namespace AskPro.Infrastructure.Persistence;

/// <summary>"Contains" for people typing a search: a LIKE pattern with the wildcards they typed
/// escaped, lower-cased so it matches the same on SQLite and PostgreSQL (compare it with the
/// column's <c>ToLower()</c> and <see cref="Escape"/> as the escape character).</summary>
public static class TextMatch
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
