namespace Hall.Hardware.HallBus;

/// <summary>Reads whole frames from a stream through a <see cref="HallBusFrameDecoder"/>.</summary>
public sealed class HallBusFrameReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[256];
    private readonly Queue<HallBusFrame> _ready = new();

    public HallBusFrameDecoder Decoder { get; } = new();

    /// <summary>The next valid frame, or null at the end of the stream. I/O errors pass through.</summary>
    public async ValueTask<HallBusFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (_ready.Count == 0)
        {
            var read = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }
            foreach (var frame in Decoder.Feed(_buffer.AsSpan(0, read)))
            {
                _ready.Enqueue(frame);
            }
        }
        return _ready.Dequeue();
    }
}
