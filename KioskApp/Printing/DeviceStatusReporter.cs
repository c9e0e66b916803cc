using System.Threading.Channels;
using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

/// <summary>
/// Sends the printer's status to the hall server (<c>POST /api/devices/status</c>) in the background, so a slow
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

    private string? _lastDelivered;

    public string PrinterDeviceId => options.Value.DeviceId + "/printer";

    public void Report(PrinterStatus status, string detail, bool force = false) =>
        _queue.Writer.TryWrite((new DeviceStatusReport(PrinterDeviceId, "printer", PrinterStatusText.Code(status), detail), force));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (report, force) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!force && report.Status == _lastDelivered)
            {
                continue;
            }
            try
            {
                await server.ReportDeviceStatusAsync(report, stoppingToken);
                _lastDelivered = report.Status;
                LogReported(report.DeviceId, report.Status);
            }
            catch (HallServerUnavailableException exception)
            {
                _lastDelivered = null;
                LogNotReported(report.DeviceId, report.Status, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reported {DeviceId} as {Status}")]
    private partial void LogReported(string deviceId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report {DeviceId} as {Status}: {Reason}")]
    private partial void LogNotReported(string deviceId, string status, string reason);
}
