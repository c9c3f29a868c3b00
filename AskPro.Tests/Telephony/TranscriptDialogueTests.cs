using AskPro.Core.Telephony;

namespace AskPro.Tests.Telephony;

public sealed class TranscriptDialogueTests
{
    [Fact]
    public void Retell_lines_become_turns_of_agent_and_caller()
    {
        var turns = TranscriptDialogue.Read("Agent: Guten Tag, Salon Schmidt.\nUser: Ich hätte gern einen Termin.\nAgent: Gern, wann?\n");
        Assert.Equal([Speaker.Agent, Speaker.Caller, Speaker.Agent], turns.Select(t => t.Speaker));
        Assert.Equal("Ich hätte gern einen Termin.", turns[1].Text);
    }

    [Fact]
    public void A_line_without_a_speaker_continues_the_turn_before_it()
    {
        var turns = TranscriptDialogue.Read("User: Am Dienstag\nso gegen drei?\r\n\nAgent: Passt.");
        Assert.Equal(2, turns.Count);
        Assert.Equal("Am Dienstag so gegen drei?", turns[0].Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void No_transcript_is_no_turns(string? transcript) => Assert.Empty(TranscriptDialogue.Read(transcript));

    [Fact]
    public void Text_before_any_speaker_is_the_agents_greeting()
    {
        var turns = TranscriptDialogue.Read("Hallo!\nUser: Hallo.");
        Assert.Equal((Speaker.Agent, "Hallo!"), (turns[0].Speaker, turns[0].Text));
    }
}
