namespace Hall.TestSupport;

/// <summary>Waits, bounded, for something another process or thread brings about; polls instead of sleeping a guessed time.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms (for <see cref="TestTimeouts.Process"/> unless told); a <see cref="TimeoutException"/> (with <paramref name="explain"/>, e.g. a process's output) when it stays false.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        var limit = timeout ?? TestTimeouts.Process;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not come true within {limit}." + (explain is null ? "" : "\n" + explain()));
            }
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, Func<string>? explain = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, explain);
}
