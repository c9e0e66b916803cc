using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>Carries ESC/POS jobs to one printer and reads its status; created from options by <see cref="PrinterTransportFactory"/>.</summary>
public interface IPrinterTransport
{
    /// <summary>Where the jobs go, for logs and device reports, for example <c>tcp 192.168.1.50:9100</c>.</summary>
    string Description { get; }

    /// <summary>Asks the printer how it is; a printer that does not answer in time is <see cref="PrinterStatus.Offline"/>.</summary>
    Task<PrinterStatus> ReadStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the status and, when the printer can print, sends the job. Never throws for printer trouble:
    /// the result says whether the bytes were handed over and why not.
    /// </summary>
    /// <param name="jobName">Names the job (the ticket number); the file printer names its file after it.</param>
    Task<PrintResult> PrintAsync(string jobName, ReadOnlyMemory<byte> job, CancellationToken cancellationToken);
}
