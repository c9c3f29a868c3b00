namespace AskPro.Web.Api;

/// <summary>A page of a list, as every list route answers it.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Query-string values as typed, checked here so bad input gets 400 with a reason.</summary>
public static class QueryInput
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    private static readonly HashSet<string> Paging = new(StringComparer.OrdinalIgnoreCase) { "page", "pageSize" };

    /// <summary>Refuses query parameters the route does not know: a typo must not silently
    /// return an unfiltered list.</summary>
    public static string? UnknownParameter(HttpRequest request, params string[] allowed) =>
        request.Query.Keys.FirstOrDefault(k => !Paging.Contains(k) && !allowed.Contains(k, StringComparer.OrdinalIgnoreCase));

    public static bool TryPaging(HttpRequest request, out int page, out int pageSize, out string? error)
    {
        page = 1;
        pageSize = DefaultPageSize;
        error = null;
        if (request.Query.TryGetValue("page", out var p) && (!int.TryParse(p, out page) || page < 1 || page > 1_000_000))
            error = "page must be a whole number from 1.";
        else if (request.Query.TryGetValue("pageSize", out var s) && (!int.TryParse(s, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
            error = $"pageSize must be a whole number from 1 to {MaxPageSize}.";
        return error is null;
    }

    public static bool TryId(string raw, out Guid id) => Guid.TryParseExact(raw, "D", out id) || Guid.TryParseExact(raw, "N", out id);

    /// <summary>A date ("2026-11-24", start of that day in <paramref name="zone"/>) or an instant with offset.</summary>
    public static bool TryInstant(string? raw, TimeZoneInfo zone, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrEmpty(raw)) return true;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", out var date))
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone);
            return true;
        }
        if (DateTimeOffset.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            && (raw.EndsWith('Z') || raw.Contains('+') || raw.LastIndexOf('-') > 9))
        {
            utc = instant.UtcDateTime;
            return true;
        }
        return false;
    }
}
