namespace Hall.Hardware.IdCard;

/// <summary>
/// Frames of the SAM serial protocol: preamble <c>AA AA AA 96 69</c>, <c>LEN</c> (big-endian, the bytes that follow),
/// the body, and a checksum that is the XOR of every byte from <c>LEN</c> to the last body byte. Pure functions.
/// </summary>
public static class IdCardFrames
{
    public static ReadOnlySpan<byte> Preamble => [0xAA, 0xAA, 0xAA, 0x96, 0x69];

    /// <summary>Preamble and the two length bytes.</summary>
    public const int HeaderLength = 7;

    /// <summary>A command frame is always ten bytes: <c>LEN = 00 03</c>.</summary>
    public const int CommandFrameLength = 10;

    /// <summary>The terminal's command: <c>AA AA AA 96 69 00 03 CMD PARA CS</c>.</summary>
    public static byte[] Command(IdCardCommand command) => Command(command.Code, command.Parameter);

    public static byte[] Command(byte code, byte parameter) => Encode([code, parameter]);

    /// <summary>The reader's answer: <c>LEN</c> = 3 status bytes + data + checksum; <c>SW1 SW2 = 00 00</c>.</summary>
    public static byte[] Answer(byte status, ReadOnlySpan<byte> data)
    {
        var body = new byte[3 + data.Length];
        body[2] = status;
        data.CopyTo(body.AsSpan(3));
        return Encode(body);
    }

    /// <summary>Frames a body (command and parameter, or status and data) with preamble, length and checksum.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> body)
    {
        var length = body.Length + 1;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body.Length, "A frame's body is at most 65534 bytes.");
        }
        var frame = new byte[HeaderLength + length];
        Preamble.CopyTo(frame);
        frame[5] = (byte)(length >> 8);
        frame[6] = (byte)length;
        body.CopyTo(frame.AsSpan(HeaderLength));
        frame[^1] = Checksum(frame.AsSpan(5, 2 + body.Length));
        return frame;
    }

    /// <summary>XOR of the bytes given (from <c>LEN</c> to the last byte before the checksum).</summary>
    public static byte Checksum(ReadOnlySpan<byte> lengthAndBody)
    {
        byte sum = 0;
        foreach (var b in lengthAndBody)
        {
            sum ^= b;
        }
        return sum;
    }
}
