using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The loop of the inbox worker and the outbox dispatcher: pass after pass while a pass
/// finds work, a pause only when it found none; a failed pass is logged and the next one tries
/// again (the rows it claimed come back when their lease runs out).</summary>
public static class DuePolling
{
    public static async Task RunAsync(Func<CancellationToken, Task<int>> pass, TimeSpan idle, ILogger logger, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await pass(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A pass over due rows failed; it will try again");
            }
            if (handled == 0) await Task.Delay(idle, ct);
        }
    }
}
