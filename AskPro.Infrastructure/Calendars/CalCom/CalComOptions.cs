namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Section "CalCom": how AskPro treats every company's Cal.com. The defaults are the
/// issue's: 3 s per attempt, 8 s for a call with its retries, Cal.com's 120 requests per minute
/// per API key.</summary>
public sealed class CalComOptions
{
    public const string Section = "CalCom";

    public double AttemptTimeoutSeconds { get; set; } = 3;
    public double TotalTimeoutSeconds { get; set; } = 8;
    public int MaxRetries { get; set; } = 3;
    public double RetryBaseDelaySeconds { get; set; } = 0.2;

    /// <summary>Per company (per API key): stay under Cal.com's limit.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>The circuit opens when at least this many calls in <see cref="SamplingSeconds"/>
    /// saw this share of failures, and stays open <see cref="BreakSeconds"/>.</summary>
    public int MinimumThroughput { get; set; } = 4;
    public double FailureRatio { get; set; } = 0.5;
    public double SamplingSeconds { get; set; } = 30;
    public double BreakSeconds { get; set; } = 30;

    public bool IsValid => AttemptTimeoutSeconds > 0 && TotalTimeoutSeconds >= AttemptTimeoutSeconds && MaxRetries is >= 0 and <= 10
        && RequestsPerMinute is >= 1 and <= 10_000 && MinimumThroughput >= 2 && FailureRatio is > 0 and <= 1 && SamplingSeconds >= 0.5 && BreakSeconds >= 0.5;
}
