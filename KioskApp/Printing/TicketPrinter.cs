using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;

namespace Hall.KioskApp.Printing;

/// <summary>
/// Prints tickets on the kiosk's printer, one job at a time (many printers take one connection only), and reports
/// every status the printer shows to the hall server.
/// </summary>
public sealed partial class TicketPrinter(
    IPrinterTransport transport,
    TicketLayout layout,
    DeviceStatusReporter reporter,
    ILogger<TicketPrinter> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The status last read, for the page's notice; null before the first check.</summary>
    public PrinterStatus? LastStatus { get; private set; }

    public string Description => transport.Description;

    public async Task<PrintResult> PrintAsync(IssuedTicket ticket, CancellationToken cancellationToken)
    {
        var job = layout.Render(ticket);
        PrintResult result;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            result = await transport.PrintAsync(ticket.Number, job, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        LastStatus = result.Status;
        if (result.Printed)
        {
            LogPrinted(ticket.Number, job.Length, transport.Description);
            reporter.Report(result.Status, PrinterStatusText.Describe(result.Status));
        }
        else
        {
            LogPrintFailed(ticket.Number, transport.Description, result.Error);
            reporter.Report(result.Status, $"{result.Error}；{ticket.Number} 号未能打印，已在屏幕显示", force: true);
        }
        return result;
    }

    public async Task<PrinterStatus> CheckAsync(CancellationToken cancellationToken)
    {
        PrinterStatus status;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            status = await transport.ReadStatusAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        LastStatus = status;
        reporter.Report(status, PrinterStatusText.Describe(status));
        return status;
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Printed ticket {Number} ({Bytes} bytes) on {Printer}")]
    private partial void LogPrinted(string number, int bytes, string printer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} was not printed on {Printer}: {Error}")]
    private partial void LogPrintFailed(string number, string printer, string? error);
}
