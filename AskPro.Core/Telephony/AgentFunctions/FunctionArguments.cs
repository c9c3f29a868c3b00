using System.Text.Json;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>The agent's arguments under their canonical (German) names; English aliases are
/// accepted. Values must be short text (or a boolean for confirmation); anything else is an
/// <see cref="InvalidArgument"/>, answered with invalid_input and nothing stored.</summary>
public sealed class FunctionArguments
{
    public const int MaxValueLength = 200;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["datum"] = "datum", ["date"] = "datum", ["uhrzeit"] = "uhrzeit", ["time"] = "uhrzeit",
        ["dienstleistung"] = "dienstleistung", ["service"] = "dienstleistung", ["name"] = "name", ["customer_name"] = "name",
        ["mitarbeiter"] = "mitarbeiter", ["staff"] = "mitarbeiter", ["email"] = "email", ["bestaetigung"] = "bestaetigung",
        ["confirm"] = "bestaetigung", ["termin_id"] = "termin_id", ["appointment_id"] = "termin_id", ["neues_datum"] = "neues_datum",
        ["new_date"] = "neues_datum", ["neue_uhrzeit"] = "neue_uhrzeit", ["new_time"] = "neue_uhrzeit", ["grund"] = "grund",
        ["reason"] = "grund", ["telefon"] = "telefon", ["phone"] = "telefon",
        ["bis_datum"] = "bis_datum", ["until"] = "bis_datum",
    };

    private readonly Dictionary<string, string> _values;

    private FunctionArguments(Dictionary<string, string> values) => _values = values;

    public static FunctionArguments Empty { get; } = new([]);

    /// <summary>Reads the args object. Unknown keys (agents send extras such as a placeholder
    /// call_id) are ignored, never trusted.</summary>
    public static FunctionArguments Read(JsonElement args)
    {
        if (args.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return Empty;
        if (args.ValueKind != JsonValueKind.Object) throw new InvalidArgument("args");
        var values = new Dictionary<string, string>();
        foreach (var property in args.EnumerateObject())
        {
            if (!Aliases.TryGetValue(property.Name, out var name)) continue;
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number when name is "bestaetigung" or "uhrzeit" or "neue_uhrzeit" => property.Value.GetRawText(),
                JsonValueKind.Null => "",
                _ => throw new InvalidArgument(name),
            };
            value = value.Trim();
            if (value.Length > MaxValueLength || value.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '<' or '>' or '{' or '}' or ';' or '`' or '\\'))
                throw new InvalidArgument(name);
            if (value.Length > 0) values[name] = value;
        }
        return new FunctionArguments(values);
    }

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Names passed to the invocation log, each value masked.</summary>
    public IReadOnlyDictionary<string, string> Masked() => _values.ToDictionary(kv => kv.Key, kv => kv.Key switch
    {
        "name" or "email" or "telefon" => Mask(kv.Value),
        _ => kv.Value,
    });

    /// <summary>"ja", "true", "1" → true; "nein", "false", "0" → false; missing → false.</summary>
    public bool? Confirmation => this["bestaetigung"]?.ToLowerInvariant() switch
    {
        null => false,
        "true" or "ja" or "1" or "yes" => true,
        "false" or "nein" or "0" or "no" => false,
        _ => null,
    };

    private static string Mask(string value) => value.Length <= 1 ? "*" : value[0] + new string('*', Math.Min(8, value.Length - 1));
}

/// <summary>An argument the agent sent that cannot be used (wrong type, too long, control or markup characters).</summary>
public sealed class InvalidArgument(string name) : Exception($"Invalid argument '{name}'.")
{
    public string Name { get; } = name;
}
