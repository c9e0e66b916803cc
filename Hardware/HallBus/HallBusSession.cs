namespace Hall.Hardware.HallBus;

/// <summary>One open port: its stream and what ended it.</summary>
internal sealed class HallBusSession(Stream stream, CancellationTokenSource cancellation)
{
    private Exception? _error;

    public Stream Stream { get; } = stream;

    public Exception? Error => Volatile.Read(ref _error);

    public bool HeardAnything { get; set; }

    /// <summary>Records the first failure and ends the session (its read loop stops, the owner reopens).</summary>
    public void Fail(Exception error)
    {
        Interlocked.CompareExchange(ref _error, error, null);
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
