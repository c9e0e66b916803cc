namespace Hall.Hardware.HallBus;

/// <summary>Builds each message of the protocol as a <see cref="HallBusFrame"/>.</summary>
public static class HallBusFrames
{
    /// <summary>Host to device: show <paramref name="text"/> on line 0 or 1 (GB18030, cut to 64 bytes on a character boundary).</summary>
    public static HallBusFrame Show(byte address, byte line, string text)
    {
        var encoded = HallBusText.Encode(text);
        var data = new byte[1 + encoded.Length];
        data[0] = line;
        encoded.CopyTo(data, 1);
        return new HallBusFrame(address, HallBusFunction.Show, data);
    }

    public static HallBusFrame Beep(byte address, byte count) => new(address, HallBusFunction.Beep, count);

    public static HallBusFrame Invite(byte address, byte seconds) => new(address, HallBusFunction.Invite, seconds);

    public static HallBusFrame Ping(byte address) => new(address, HallBusFunction.Ping);

    /// <summary>The host's acknowledgement of a device frame: same address, <c>F | 0x80</c>, data <c>[S]</c>.</summary>
    public static HallBusFrame Acknowledge(byte address, HallBusFunction function, byte sequence) =>
        new(address, HallBusFunctions.ReplyTo(function), sequence);

    /// <summary>A device's answer to a host command: <c>F | 0x80</c>, no data.</summary>
    public static HallBusFrame Reply(byte address, HallBusFunction command) =>
        new(address, HallBusFunctions.ReplyTo(command));

    public static HallBusFrame Key(byte address, byte sequence, HallBusKey key, byte? argument = null) =>
        argument is { } arg
            ? new HallBusFrame(address, HallBusFunction.Key, sequence, (byte)key, arg)
            : new HallBusFrame(address, HallBusFunction.Key, sequence, (byte)key);

    /// <summary>A RATING frame; <paramref name="reasons"/> are protocol 1.1's option numbers (at most 8).</summary>
    public static HallBusFrame Rating(byte address, byte sequence, RatingLevel level, params ReadOnlySpan<byte> reasons)
    {
        byte[] data = [sequence, (byte)level, .. reasons];
        return new(address, HallBusFunction.Rating, data);
    }

    public static HallBusFrame Status(byte address, byte sequence, byte flags) =>
        new(address, HallBusFunction.Status, sequence, flags);
}
