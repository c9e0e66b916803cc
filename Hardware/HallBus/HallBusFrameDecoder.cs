namespace Hall.Hardware.HallBus;

/// <summary>
/// Incremental decoder: feed it bytes as they come off the line, in any split, and it returns the whole, valid frames.
/// It skips <c>FF</c> wake-up bytes and other garbage, needs <c>68 L L 68</c> with equal L (2 ≤ L ≤ 202), the right
/// checksum and the end byte <c>16</c>, and silently drops anything else. It never holds more than one largest frame
/// (208 bytes), so a flood of noise cannot grow memory, and a bogus header that announces a long frame cannot hide a
/// good frame that follows it.
/// </summary>
public sealed class HallBusFrameDecoder
{
    /// <summary>The largest frame: L = 202 plus the six framing bytes.</summary>
    public const int MaxFrameBytes = HallBusFrameEncoder.MaxLength + HallBusFrameEncoder.Overhead;

    private readonly byte[] _buffer = new byte[MaxFrameBytes];
    private int _count;

    /// <summary>Bytes thrown away while looking for a frame (wake-up bytes, noise, broken frames).</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Frames with a good header whose checksum or end byte was wrong.</summary>
    public long RejectedFrames { get; private set; }

    /// <summary>Bytes held for a frame not yet complete.</summary>
    public int PendingBytes => _count;

    /// <summary>Consumes <paramref name="bytes"/> and returns the frames they complete, in order.</summary>
    public IReadOnlyList<HallBusFrame> Feed(ReadOnlySpan<byte> bytes)
    {
        List<HallBusFrame>? frames = null;
        foreach (var b in bytes)
        {
            if (_count == _buffer.Length)
            {
                Discard(1); // cannot happen with a complete scan below, kept as the memory bound's guard
            }
            _buffer[_count++] = b;
            if (Scan() is { } frame)
            {
                (frames ??= []).Add(frame);
            }
        }
        return frames ?? (IReadOnlyList<HallBusFrame>)[];
    }

    /// <summary>Forgets a partial frame, e.g. after the port was reopened.</summary>
    public void Reset()
    {
        DiscardedBytes += _count;
        _count = 0;
    }

    /// <summary>Runs after each byte; returns a frame when the byte just added completed one.</summary>
    private HallBusFrame? Scan()
    {
        while (_count > 0)
        {
            if (_buffer[0] != HallBusFrameEncoder.StartByte)
            {
                Discard(1);
                continue;
            }
            if (_count < 4)
            {
                return null;
            }
            var length = _buffer[1];
            if (length != _buffer[2] || _buffer[3] != HallBusFrameEncoder.StartByte ||
                length < HallBusFrameEncoder.MinLength || length > HallBusFrameEncoder.MaxLength)
            {
                Discard(1);
                continue;
            }
            var total = length + HallBusFrameEncoder.Overhead;
            if (_count < total)
            {
                // Still waiting for this frame; but if a complete good frame has just ended inside the wait,
                // the header in front was noise (a device's frame never arrives in the middle of another).
                return TakeFrameEndingHere();
            }
            if (IsValidFrame(0, length))
            {
                var frame = ToFrame(0, length);
                Remove(total);
                return frame;
            }
            RejectedFrames++;
            Discard(1);
        }
        return null;
    }

    private HallBusFrame? TakeFrameEndingHere()
    {
        if (_buffer[_count - 1] != HallBusFrameEncoder.EndByte)
        {
            return null;
        }
        for (var start = 1; start <= _count - (HallBusFrameEncoder.MinLength + HallBusFrameEncoder.Overhead); start++)
        {
            if (_buffer[start] != HallBusFrameEncoder.StartByte)
            {
                continue;
            }
            var length = _buffer[start + 1];
            if (start + length + HallBusFrameEncoder.Overhead == _count && length == _buffer[start + 2] &&
                _buffer[start + 3] == HallBusFrameEncoder.StartByte && length >= HallBusFrameEncoder.MinLength &&
                IsValidFrame(start, length))
            {
                var frame = ToFrame(start, length);
                Discard(start);
                Remove(_count);
                return frame;
            }
        }
        return null;
    }

    private bool IsValidFrame(int start, byte length) =>
        HallBusFrameEncoder.Checksum(_buffer.AsSpan(start + 4, length)) == _buffer[start + 4 + length] &&
        _buffer[start + 5 + length] == HallBusFrameEncoder.EndByte;

    private HallBusFrame ToFrame(int start, byte length) =>
        new(_buffer[start + 4], (HallBusFunction)_buffer[start + 5], _buffer.AsSpan(start + 6, length - 2).ToArray());

    private void Discard(int count)
    {
        DiscardedBytes += count;
        Remove(count);
    }

    private void Remove(int count)
    {
        _buffer.AsSpan(count, _count - count).CopyTo(_buffer);
        _count -= count;
    }
}
