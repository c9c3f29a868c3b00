using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Shows a stored webhook payload without personal data: numbers, names, e-mails,
/// transcripts and summaries are masked; ids, events and times stay readable.</summary>
public static partial class PayloadMasker
{
    public static string Mask(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
        MaskNode(root, null);
        return root?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
    }

    private static void MaskNode(JsonNode? node, string? key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && Personal().IsMatch(name) && !NotPersonal().IsMatch(name)) obj[name] = Masked(value);
                    else MaskNode(child, name);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && key is not null && Personal().IsMatch(key)) array[i] = Masked(value);
                    else MaskNode(array[i], key);
                }
                break;
        }
    }

    private static JsonNode Masked(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? JsonValue.Create(text.Length == 0 ? "" : $"{text[0]}*** ({text.Length})")! : JsonValue.Create("***")!;

    [GeneratedRegex("number|phone|email|name|transcript|summary|content|words|attendee|responses|notes", RegexOptions.IgnoreCase)]
    private static partial Regex Personal();

    [GeneratedRegex("^(to_number|event_type|eventTypeId|agent_name)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotPersonal();
}
