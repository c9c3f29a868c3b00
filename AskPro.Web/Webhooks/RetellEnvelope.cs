using System.Text.Json;

namespace AskPro.Web.Webhooks;

/// <summary>What ingest needs from a Retell event — its "event" and "call.call_id" — read in
/// one pass of a JSON reader that also checks the whole body is well-formed, without building a
/// document (a 35-second call is 8–13 KB; the inbox worker parses it fully later).</summary>
public static class RetellEnvelope
{
    /// <returns>False when the body is not well-formed JSON or not an object with a string "event".</returns>
    public static bool TryRead(ReadOnlySpan<byte> body, out string eventType, out string? callId)
    {
        (eventType, callId) = ("", null);
        string? type = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var inCall = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1) inCall = false;
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                if (reader.CurrentDepth == 1)
                {
                    var isEvent = reader.ValueTextEquals("event"u8);
                    inCall = reader.ValueTextEquals("call"u8);
                    reader.Read();
                    if (isEvent) type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (inCall && reader.TokenType != JsonTokenType.StartObject) inCall = false;
                }
                else if (inCall && reader.CurrentDepth == 2 && reader.ValueTextEquals("call_id"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) callId = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        if (type is null) return false;
        eventType = type;
        return true;
    }
}
