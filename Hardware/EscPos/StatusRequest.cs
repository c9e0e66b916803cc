namespace Hall.Hardware.EscPos;

/// <summary>The n of <c>DLE EOT n</c>: which status byte the printer should send back at once.</summary>
public enum StatusRequest : byte
{
    /// <summary>Printer status: online or offline.</summary>
    Printer = 1,
    /// <summary>Why it is offline: cover open, paper end, error.</summary>
    OfflineCause = 2,
    /// <summary>Cutter, unrecoverable and auto-recoverable errors.</summary>
    Error = 3,
    /// <summary>Paper roll sensors: near end and end.</summary>
    PaperRollSensor = 4,
}
