namespace AskPro.Tests.Support;

/// <summary>A clock that says what the test says: "now" is part of the arrangement.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
