using Hall.Hardware.HallBus;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>Frames as the protocol document writes them (<c>68 04 04 68 …</c>), for tests that compare bytes on the wire.</summary>
public static class BusFrameText
{
    public static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));

    public static byte[] Encode(HallBusFrame frame) => HallBusFrameEncoder.Encode(frame);

    public static string Encoded(HallBusFrame frame) => string.Join(' ', Encode(frame).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The text of a SHOW frame (after its line byte).</summary>
    public static string ShownText(HallBusFrame show) => HallBusText.Decode(show.Data.Span[1..]);
}
