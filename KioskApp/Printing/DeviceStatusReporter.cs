using System.Threading.Channels;
using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

/// <summary>
/// Sends the printer's and the ID card reader's status to the hall server (<c>POST /api/devices/status</c>) in the background, so a slow
/// server never holds up a citizen's ticket. Sends when the status changes, when forced (a failed print), and again
/// after a report could not be delivered.
/// </summary>
public sealed partial class DeviceStatusReporter(
    HallServerClient server,
    IOptions<KioskOptions> options,
    ILogger<DeviceStatusReporter> logger) : BackgroundService
{
    private readonly Channel<(DeviceStatusReport Report, bool Force)> _queue =
        Channel.CreateBounded<(DeviceStatusReport, bool)>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });

    // Per device: the last status the server has, so a repeat is not sent again.
    private readonly Dictionary<string, DeviceStatus?> _lastDelivered = [];

    public string PrinterDeviceId => options.Value.DeviceId + "/printer";

    public string IdCardReaderDeviceId => options.Value.DeviceId + "/id-card-reader";

    public void Report(PrinterStatus status, string detail, bool force = false) =>
        _queue.Writer.TryWrite((new DeviceStatusReport(PrinterDeviceId, DeviceReportKind.Printer.Name(), DeviceNames.StatusNamed(PrinterStatusText.Code(status)), detail), force));

    /// <summary>The ID card reader's state: online, offline or fault.</summary>
    public void ReportIdCardReader(DeviceStatus status, string detail) =>
        _queue.Writer.TryWrite((new DeviceStatusReport(IdCardReaderDeviceId, DeviceReportKind.IdCardReader.Name(), status, detail), false));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (report, force) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!force && _lastDelivered.GetValueOrDefault(report.DeviceId) == report.Status)
            {
                continue;
            }
            try
            {
                await server.ReportDeviceStatusAsync(report, stoppingToken);
                _lastDelivered[report.DeviceId] = report.Status;
                LogReported(report.DeviceId, report.Status.Name());
            }
            catch (HallServerUnavailableException exception)
            {
                _lastDelivered[report.DeviceId] = null;
                LogNotReported(report.DeviceId, report.Status.Name(), exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported {DeviceId} as {Status}")]
    private partial void LogReported(string deviceId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report {DeviceId} as {Status}: {Reason}")]
    private partial void LogNotReported(string deviceId, string status, string reason);
}
