namespace Hall.Hardware.HallBus;

/// <summary>Turns frames into bytes: <c>68 L L 68 A F D… CS 16</c>, pure and allocation-light.</summary>
public static class HallBusFrameEncoder
{
    public const byte StartByte = 0x68;
    public const byte EndByte = 0x16;
    public const byte WakeUpByte = 0xFF;

    /// <summary>Start, two lengths, start, and after the data the checksum and the end byte.</summary>
    public const int Overhead = 6;

    public const int MinLength = 2;
    public const int MaxLength = 202;

    public static byte[] Encode(HallBusFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Encode(frame.Address, frame.Function, frame.Data.Span);
    }

    public static byte[] Encode(byte address, HallBusFunction function, ReadOnlySpan<byte> data)
    {
        var bytes = new byte[Overhead + 2 + data.Length];
        Encode(address, function, data, bytes);
        return bytes;
    }

    /// <summary>Writes the frame into <paramref name="destination"/> and returns the number of bytes written.</summary>
    public static int Encode(byte address, HallBusFunction function, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.Length > HallBusFrame.MaxDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"A frame carries at most {HallBusFrame.MaxDataLength} data bytes.");
        }
        var length = (byte)(2 + data.Length);
        var total = Overhead + length;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The frame needs {total} bytes.", nameof(destination));
        }
        destination[0] = StartByte;
        destination[1] = length;
        destination[2] = length;
        destination[3] = StartByte;
        destination[4] = address;
        destination[5] = (byte)function;
        data.CopyTo(destination[6..]);
        destination[6 + data.Length] = Checksum(address, function, data);
        destination[7 + data.Length] = EndByte;
        return total;
    }

    /// <summary>CS = (A + F + sum of D) mod 256.</summary>
    public static byte Checksum(byte address, HallBusFunction function, ReadOnlySpan<byte> data)
    {
        var sum = address + (int)function;
        foreach (var b in data)
        {
            sum += b;
        }
        return (byte)sum;
    }

    /// <summary>The checksum over the A, F and D bytes as they stand in a buffer.</summary>
    public static byte Checksum(ReadOnlySpan<byte> addressFunctionAndData)
    {
        var sum = 0;
        foreach (var b in addressFunctionAndData)
        {
            sum += b;
        }
        return (byte)sum;
    }
}
