namespace AskPro.Infrastructure.Notifications;

/// <summary>Section "Messages": the sender of customer messages and where their links point.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";
    public bool SenderEnabled { get; set; } = true;
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>The installation's public address; links in messages are absolute.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
