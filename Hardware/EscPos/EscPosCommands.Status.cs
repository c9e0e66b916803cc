namespace Hall.Hardware.EscPos;

public static partial class EscPosCommands
{
    /// <summary>
    /// <c>DLE EOT n</c>: real-time status request. The printer answers one byte at once, even while offline
    /// or with a full buffer, so it also tells whether anything is listening at all.
    /// </summary>
    public static byte[] RealTimeStatusRequest(StatusRequest request) => [Dle, Eot, (byte)request];
}
