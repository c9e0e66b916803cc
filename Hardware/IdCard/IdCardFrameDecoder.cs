namespace Hall.Hardware.IdCard;

/// <summary>
/// Incremental decoder: feed it bytes as they come off the line, in any split, and it returns the whole frames whose
/// length is in range and whose checksum is right. It skips bytes until it sees the preamble, drops a frame with a
/// wrong checksum, and holds at most one largest frame, so noise cannot grow memory. A bogus header announcing a long
/// frame cannot hide a good frame after it: a complete valid frame ending at the newest byte wins over an unfinished one.
/// </summary>
public sealed class IdCardFrameDecoder
{
    /// <summary>The largest answer body accepted (the read answer is 1288; other readers' fingerprint reads are longer).</summary>
    public const int MaxAnswerLength = 4096;

    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly byte[] _buffer;
    private int _count;

    /// <param name="minLength">Smallest <c>LEN</c> accepted.</param>
    /// <param name="maxLength">Largest <c>LEN</c> accepted.</param>
    public IdCardFrameDecoder(int minLength, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, ushort.MaxValue);
        _minLength = minLength;
        _maxLength = maxLength;
        _buffer = new byte[IdCardFrames.HeaderLength + maxLength];
    }

    /// <summary>For the terminal: the reader's answers, <c>LEN</c> 4 (status and checksum) up to <see cref="MaxAnswerLength"/>.</summary>
    public static IdCardFrameDecoder ForAnswers() => new(4, MaxAnswerLength);

    /// <summary>For a reader (the simulator): the terminal's commands, <c>LEN</c> = 3 (a terminal's own frame seen as an answer is dropped the same way).</summary>
    public static IdCardFrameDecoder ForCommands() => new(3, 3);

    public int MaxFrameBytes => _buffer.Length;

    /// <summary>Bytes thrown away while looking for a frame.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Frames with a good header whose checksum was wrong.</summary>
    public long RejectedFrames { get; private set; }

    /// <summary>Bytes held for a frame not yet complete.</summary>
    public int PendingBytes => _count;

    /// <summary>Consumes <paramref name="bytes"/> and returns the frames they complete, in order.</summary>
    public IReadOnlyList<IdCardFrame> Feed(ReadOnlySpan<byte> bytes)
    {
        List<IdCardFrame>? frames = null;
        foreach (var b in bytes)
        {
            if (_count == _buffer.Length)
            {
                Discard(1); // the scan below never lets this happen; it guards the memory bound
            }
            _buffer[_count++] = b;
            if (Scan() is { } frame)
            {
                (frames ??= []).Add(frame);
            }
        }
        return frames ?? (IReadOnlyList<IdCardFrame>)[];
    }

    /// <summary>Forgets a partial frame, e.g. after the port was reopened.</summary>
    public void Reset()
    {
        DiscardedBytes += _count;
        _count = 0;
    }

    private IdCardFrame? Scan()
    {
        var preamble = IdCardFrames.Preamble;
        while (_count > 0)
        {
            var compare = Math.Min(_count, preamble.Length);
            if (!_buffer.AsSpan(0, compare).SequenceEqual(preamble[..compare]))
            {
                Discard(1);
                continue;
            }
            if (_count < IdCardFrames.HeaderLength)
            {
                return null;
            }
            var length = LengthAt(0);
            if (length < _minLength || length > _maxLength)
            {
                Discard(1);
                continue;
            }
            var total = IdCardFrames.HeaderLength + length;
            if (_count < total)
            {
                return TakeFrameEndingHere();
            }
            if (IsValid(0, length))
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

    /// <summary>While waiting for a long frame: a whole valid frame that ends at the newest byte means the header in front was noise.</summary>
    private IdCardFrame? TakeFrameEndingHere()
    {
        var preamble = IdCardFrames.Preamble;
        var smallest = IdCardFrames.HeaderLength + _minLength;
        var start = 1;
        while (start <= _count - smallest)
        {
            var found = _buffer.AsSpan(start, _count - start).IndexOf(preamble);
            if (found < 0)
            {
                return null;
            }
            start += found;
            if (start > _count - smallest)
            {
                return null;
            }
            var length = LengthAt(start);
            if (start + IdCardFrames.HeaderLength + length == _count && length >= _minLength && length <= _maxLength && IsValid(start, length))
            {
                var frame = ToFrame(start, length);
                Discard(start);
                Remove(_count);
                return frame;
            }
            start++;
        }
        return null;
    }

    private int LengthAt(int start) => (_buffer[start + 5] << 8) | _buffer[start + 6];

    private bool IsValid(int start, int length) =>
        IdCardFrames.Checksum(_buffer.AsSpan(start + 5, length + 1)) == _buffer[start + IdCardFrames.HeaderLength + length - 1];

    private IdCardFrame ToFrame(int start, int length) =>
        new(_buffer.AsSpan(start + IdCardFrames.HeaderLength, length - 1).ToArray());

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
