namespace AskPro.Tests.Support;

/// <summary>The one way tests wait for background work (outbox, inbox, function log, jobs):
/// reads until the condition holds, and throws with what it last saw when it does not within
/// the timeout — a wait can never quietly pass.</summary>
public static class Eventually
{
    public static async Task<T> Async<T>(string what, Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
