namespace Hall.Hardware.EscPos;

public static partial class EscPosCommands
{
    /// <summary>
    /// <c>GS V 66 n</c>: feeds n dots (so the last line clears the blade) and cuts, leaving one point uncut
    /// so the ticket hangs until the citizen takes it.
    /// </summary>
    public static byte[] FeedAndPartialCut(int feedDots = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feedDots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feedDots, 255);
        return [Gs, 0x56, 66, (byte)feedDots];
    }

    /// <summary><c>GS V 1</c>: partial cut at the current position.</summary>
    public static byte[] PartialCut() => [Gs, 0x56, 1];
}
