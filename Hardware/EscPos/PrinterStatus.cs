namespace Hall.Hardware.EscPos;

/// <summary>What the printer said about itself in its answers to <c>DLE EOT</c>.</summary>
public sealed record PrinterStatus(bool Offline, bool CoverOpen, bool PaperOut, bool PaperNearEnd, bool Error)
{
    public static PrinterStatus Ready { get; } = new(false, false, false, false, false);

    /// <summary>True when a ticket can be printed now (paper near its end still prints).</summary>
    public bool CanPrint => !Offline && !CoverOpen && !PaperOut && !Error;

    public PrinterStatus Merge(PrinterStatus other) => new(
        Offline || other.Offline,
        CoverOpen || other.CoverOpen,
        PaperOut || other.PaperOut,
        PaperNearEnd || other.PaperNearEnd,
        Error || other.Error);
}
