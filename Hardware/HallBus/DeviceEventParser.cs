namespace Hall.Hardware.HallBus;

/// <summary>
/// Frame → device event, as the host reads the bus: pure (no port, no clock, no state), so captured bytes can be
/// replayed through <see cref="HallBusFrameDecoder"/> and this parser to see what the host made of them.
/// </summary>
public static class DeviceEventParser
{
    /// <summary>
    /// The event a device frame carries. <see cref="DeviceEventParse.Rejection"/> says why a frame is refused (the host
    /// logs it and does not acknowledge it); neither is set for a frame that is no device event: a reply, or a
    /// host command seen on the line (an RS-485 adapter's echo, a second host).
    /// </summary>
    public static DeviceEventParse Parse(HallBusFrame frame, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Address is HallBusFrame.BroadcastAddress or > HallBusFrame.MaxDeviceAddress)
        {
            return DeviceEventParse.Rejected("no device sends from this address");
        }
        if (frame.IsReply || !HallBusFunctions.IsDeviceEvent(frame.Function))
        {
            return default;
        }
        var data = frame.Data.Span;
        switch (frame.Function)
        {
            case HallBusFunction.Key when data.Length is 2 or 3:
                return Enum.IsDefined((HallBusKey)data[1])
                    ? new DeviceEventParse(new KeyPress(frame.Address, data[0], (HallBusKey)data[1], data.Length == 3 ? data[2] : null, receivedAt), null)
                    : DeviceEventParse.Rejected("unknown key code");
            case HallBusFunction.Rating when data.Length is >= 2 and <= 2 + MaxRatingReasons:
                return RatingLevels.IsDefined(data[1])
                    ? new DeviceEventParse(new RatingPress(frame.Address, data[0], (RatingLevel)data[1], receivedAt) { Reasons = data[2..].ToArray() }, null)
                    : DeviceEventParse.Rejected("rating level out of 1-5");
            case HallBusFunction.Status when data.Length == 2:
                return new DeviceEventParse(new StatusReport(frame.Address, data[0], data[1], receivedAt), null);
            default:
                return DeviceEventParse.Rejected("wrong data length for its function");
        }
    }

    /// <summary>Protocol 1.1: an evaluator with a screen adds at most this many reason bytes.</summary>
    public const int MaxRatingReasons = 8;

    /// <summary>Every frame in <paramref name="capture"/> (noise skipped as the decoder does), parsed in order.</summary>
    public static IReadOnlyList<DeviceEventParse> Replay(ReadOnlySpan<byte> capture, DateTimeOffset receivedAt) =>
        [.. new HallBusFrameDecoder().Feed(capture).Select(frame => Parse(frame, receivedAt))];
}

/// <summary>What <see cref="DeviceEventParser.Parse"/> made of one frame: an event, a refusal, or (both null) nothing to act on.</summary>
public readonly record struct DeviceEventParse(DeviceEvent? Event, string? Rejection)
{
    public static DeviceEventParse Rejected(string reason) => new(null, reason);
}
