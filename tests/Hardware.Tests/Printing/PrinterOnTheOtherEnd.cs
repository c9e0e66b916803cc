namespace Hall.Hardware.Tests.Printing;

/// <summary>
/// Plays an ESC/POS printer on the far end of a stream for tests: answers each <c>DLE EOT n</c> with the status byte
/// set for n (or stays silent when none is set) and keeps every other byte it receives.
/// </summary>
internal sealed class PrinterOnTheOtherEnd
{
    private readonly List<byte> _received = [];
    private readonly Dictionary<byte, byte> _answers;

    public PrinterOnTheOtherEnd(Dictionary<byte, byte>? answers = null)
    {
        _answers = answers ?? new Dictionary<byte, byte> { [1] = 0x12, [2] = 0x12, [3] = 0x12, [4] = 0x12 };
    }

    public static PrinterOnTheOtherEnd Silent() => new([]);

    public byte[] Received
    {
        get { lock (_received) { return [.. _received]; } }
    }

    /// <summary>Serves one connection until the other side closes it or the token ends.</summary>
    public async Task ServeAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }
                pending.AddRange(buffer.AsSpan(0, read));
                while (pending.Count > 0)
                {
                    if (pending[0] == 0x10)
                    {
                        if (pending.Count < 3)
                        {
                            break;
                        }
                        if (pending[1] == 0x04)
                        {
                            if (_answers.TryGetValue(pending[2], out var answer))
                            {
                                await stream.WriteAsync(new[] { answer }, cancellationToken);
                                await stream.FlushAsync(cancellationToken);
                            }
                            pending.RemoveRange(0, 3);
                            continue;
                        }
                    }
                    lock (_received)
                    {
                        _received.Add(pending[0]);
                    }
                    pending.RemoveAt(0);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
        }
    }
}
