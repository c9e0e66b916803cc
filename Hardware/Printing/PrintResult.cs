using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>The outcome of one print job: whether it was handed to the printer, the status read before it, and why it failed.</summary>
public sealed record PrintResult(bool Printed, PrinterStatus Status, string? Error)
{
    public static PrintResult Success(PrinterStatus status) => new(true, status, null);

    public static PrintResult Failure(PrinterStatus status, string error) => new(false, status, error);
}
