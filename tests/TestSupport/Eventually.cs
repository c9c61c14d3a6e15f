namespace Reservations.TestSupport;

/// <summary>
/// Waits, bounded, for an effect that happens in the background (a reminder tick delivered after the
/// fake clock moved, a flush): polls the condition, never sleeps a guessed time.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {(within ?? TimeSpan.FromSeconds(15)).TotalSeconds} s for {what}; last seen: {value}.");
            }
        }
    }
}
