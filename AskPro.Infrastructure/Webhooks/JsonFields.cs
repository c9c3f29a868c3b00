using System.Text.Json;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Reads fields of a provider's JSON defensively: a value of the wrong type or out of
/// range counts as absent and long text is clipped to what its column holds, so a strange but
/// correctly signed payload is applied as far as it makes sense (or dead-lettered with a
/// reason by its handler) instead of failing like a passing fault and being retried.</summary>
internal static class JsonFields
{
    /// <summary>The largest unix-ms value .NET can turn into a date (year 9999).</summary>
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public static JsonElement? Object(JsonElement element, string property) =>
        Field(element, property) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static string? Text(JsonElement element, string property, int maxLength = 400) =>
        Field(element, property) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text
            ? text.Length > maxLength ? text[..maxLength] : text
            : null;

    public static long? Integer(JsonElement element, string property, long min, long max) =>
        Field(element, property) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) && number >= min && number <= max
            ? number
            : null;

    public static double? Number(JsonElement element, string property, double min, double max) =>
        Field(element, property) is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var number) && double.IsFinite(number) && number >= min && number <= max
            ? number
            : null;

    public static bool? Boolean(JsonElement element, string property) =>
        Field(element, property) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>Retell's unix-ms timestamps; zero, negative or beyond year 9999 is absent.</summary>
    public static DateTime? UnixMilliseconds(JsonElement element, string property) =>
        Integer(element, property, 1, MaxUnixMilliseconds) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime : null;

    private static JsonElement? Field(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : null;
}
