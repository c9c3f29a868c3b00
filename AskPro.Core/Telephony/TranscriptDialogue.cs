namespace AskPro.Core.Telephony;

public enum Speaker { Agent, Caller }

public sealed record TranscriptTurn(Speaker Speaker, string Text);

/// <summary>Retell's transcript is plain text, one turn per line: "Agent: …" / "User: …".
/// Read into turns for a dialogue view; a line without a speaker continues the turn before it
/// (an utterance with a line break), and text before any speaker is the agent's greeting.</summary>
public static class TranscriptDialogue
{
    public static IReadOnlyList<TranscriptTurn> Read(string? transcript)
    {
        var turns = new List<TranscriptTurn>();
        if (string.IsNullOrWhiteSpace(transcript)) return turns;
        foreach (var raw in transcript.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var (speaker, text) = SpeakerOf(line);
            if (speaker is { } who) turns.Add(new TranscriptTurn(who, text));
            else if (turns.Count > 0) turns[^1] = turns[^1] with { Text = turns[^1].Text + " " + text };
            else turns.Add(new TranscriptTurn(Speaker.Agent, text));
        }
        return turns;
    }

    private static (Speaker? Speaker, string Text) SpeakerOf(string line)
    {
        if (line.StartsWith("Agent:", StringComparison.OrdinalIgnoreCase)) return (Speaker.Agent, line[6..].Trim());
        if (line.StartsWith("User:", StringComparison.OrdinalIgnoreCase)) return (Speaker.Caller, line[5..].Trim());
        return (null, line);
    }
}
