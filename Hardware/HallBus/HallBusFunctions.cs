namespace Hall.Hardware.HallBus;

/// <summary>Rules about function codes shared by host and devices.</summary>
public static class HallBusFunctions
{
    public const byte ReplyBit = 0x80;

    /// <summary>The code of the acknowledgement or reply to <paramref name="function"/>: <c>F | 0x80</c>.</summary>
    public static HallBusFunction ReplyTo(HallBusFunction function) => (HallBusFunction)((byte)function | ReplyBit);

    public static bool IsReply(HallBusFunction function) => ((byte)function & ReplyBit) != 0;

    /// <summary>The request a reply answers: <c>F &amp; 0x7F</c>.</summary>
    public static HallBusFunction RequestOf(HallBusFunction reply) => (HallBusFunction)((byte)reply & ~ReplyBit);

    /// <summary>KEY, RATING and STATUS: frames a device sends with a sequence byte, which the host acknowledges.</summary>
    public static bool IsDeviceEvent(HallBusFunction function) =>
        function is HallBusFunction.Key or HallBusFunction.Rating or HallBusFunction.Status;

    /// <summary>SHOW, BEEP, INVITE and PING.</summary>
    public static bool IsHostCommand(HallBusFunction function) =>
        function is HallBusFunction.Show or HallBusFunction.Beep or HallBusFunction.Invite or HallBusFunction.Ping;
}
