using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;

namespace Hall.KioskApp.Printing;

/// <summary>
/// Prints tickets and service guides on the kiosk's printer, one job at a time (many printers take one connection
/// only), and reports every status the printer shows to the hall server.
/// </summary>
public sealed partial class TicketPrinter(
    IPrinterTransport transport,
    TicketLayout layout,
    GuideLayout guideLayout,
    DeviceStatusReporter reporter,
    ILogger<TicketPrinter> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The status last read, for the page's notice; null before the first check.</summary>
    public PrinterStatus? LastStatus { get; private set; }

    public string Description => transport.Description;

    public Task<PrintResult> PrintAsync(IssuedTicket ticket, CancellationToken cancellationToken) =>
        SendAsync(ticket.Number, layout.Render(ticket), $"{ticket.Number} 号未能打印，已在屏幕显示", cancellationToken);

    /// <summary>Prints a service's guide as a job named <c>guide-{prefix}</c>.</summary>
    public Task<PrintResult> PrintGuideAsync(string hallName, ServiceGuideInfo guide, CancellationToken cancellationToken) =>
        SendAsync("guide-" + guide.Prefix, guideLayout.Render(hallName, guide), $"“{guide.Name}”办事指南未能打印", cancellationToken);

    private async Task<PrintResult> SendAsync(string jobName, byte[] job, string notPrinted, CancellationToken cancellationToken)
    {
        PrintResult result;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            result = await transport.PrintAsync(jobName, job, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        LastStatus = result.Status;
        if (result.Printed)
        {
            LogPrinted(jobName, job.Length, transport.Description);
            reporter.Report(result.Status, PrinterStatusText.Describe(result.Status));
        }
        else
        {
            LogPrintFailed(jobName, transport.Description, result.Error);
            reporter.Report(result.Status, $"{result.Error}；{notPrinted}", force: true);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Printed {Job} ({Bytes} bytes) on {Printer}")]
    private partial void LogPrinted(string job, int bytes, string printer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} was not printed on {Printer}: {Error}")]
    private partial void LogPrintFailed(string job, string printer, string? error);
}
