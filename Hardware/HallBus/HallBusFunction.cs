namespace Hall.Hardware.HallBus;

/// <summary>The F byte of a frame. A reply carries the request's code with bit 7 set (<see cref="HallBusFunctions.ReplyTo"/>).</summary>
public enum HallBusFunction : byte
{
    /// <summary>Device to host: a caller key, data <c>S, key[, arg]</c>.</summary>
    Key = 0x10,

    /// <summary>Device to host: an evaluator press, data <c>S, level</c>.</summary>
    Rating = 0x11,

    /// <summary>Device to host: answer to PING, data <c>S, flags</c> (bit 0 = hardware fault).</summary>
    Status = 0x12,

    /// <summary>Host to device: data <c>line, GB18030 text</c> (at most 64 bytes).</summary>
    Show = 0x20,

    /// <summary>Host to device: data <c>count</c>.</summary>
    Beep = 0x21,

    /// <summary>Host to device: data <c>seconds</c>.</summary>
    Invite = 0x22,

    /// <summary>Host to device: no data; the device answers with <see cref="Status"/>.</summary>
    Ping = 0x23,
}
