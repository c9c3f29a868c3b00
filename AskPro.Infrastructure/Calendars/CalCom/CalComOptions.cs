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

    /// <summary>The window <see cref="RequestsPerMinute"/> counts in: a minute, as Cal.com
    /// counts; shorter only where a test must see a window pass.</summary>
    public double RateWindowSeconds { get; set; } = 60;

    /// <summary>The cache warm-up's share of a company's rate limit: the rest stays free for
    /// callers while it runs.</summary>
    public double WarmupShare { get; set; } = 0.5;

    /// <summary>Days callers may ask about that the warm-up pre-loads (each answer reads the
    /// search window after the asked day too, so that is loaded as well).</summary>
    public int WarmupDays { get; set; } = 7;

    /// <summary>Hourly by default (Quartz cron), and once at start-up unless turned off.</summary>
    public string WarmupCron { get; set; } = "0 0 * * * ?";
    public bool WarmupOnStart { get; set; } = true;

    /// <summary>The circuit opens when at least this many calls in <see cref="SamplingSeconds"/>
    /// saw this share of failures, and stays open <see cref="BreakSeconds"/>.</summary>
    public int MinimumThroughput { get; set; } = 4;
    public double FailureRatio { get; set; } = 0.5;
    public double SamplingSeconds { get; set; } = 30;
    public double BreakSeconds { get; set; } = 30;

    public bool IsValid => AttemptTimeoutSeconds > 0 && TotalTimeoutSeconds >= AttemptTimeoutSeconds && MaxRetries is >= 0 and <= 10
        && RequestsPerMinute is >= 1 and <= 10_000 && RateWindowSeconds >= 0.5 && WarmupShare is > 0 and <= 1 && WarmupDays is >= 1 and <= 60 && MinimumThroughput >= 2 && FailureRatio is > 0 and <= 1 && SamplingSeconds >= 0.5 && BreakSeconds >= 0.5;
}
