namespace AskPro.Infrastructure.Caching;

/// <summary>Section "Redis". Without a configuration string AskPro uses in-process stores.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration, e.g. "127.0.0.1:6379,abortConnect=false".</summary>
    public string? Configuration { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
