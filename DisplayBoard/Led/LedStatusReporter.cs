using System.Net.Http.Json;
using System.Threading.Channels;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;

namespace Hall.DisplayBoard.Led;

/// <summary>
/// Tells the hall server when an LED strip goes offline, comes back or reports a fault (<c>POST /api/devices/status</c>),
/// so supervision sees it and raises an alert. Reports queue here and go out one by one; while the server is
/// unreachable the newest ones wait and the oldest are dropped.
/// </summary>
public sealed partial class LedStatusReporter(IHttpClientFactory httpClients, ILogger<LedStatusReporter> logger) : BackgroundService
{
    public const string HttpClientName = "hall-server";

    private readonly Channel<DeviceStatusReport> _reports = Channel.CreateBounded<DeviceStatusReport>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public static DeviceStatusReport ReportOf(DeviceState state) => new(
        $"led:{state.Address}",
        DeviceReportKind.LedStrip.Name(),
        state.Link == DeviceLink.Offline ? DeviceStatus.Offline : state.HardwareFault ? DeviceStatus.Fault : DeviceStatus.Online,
        state.Link == DeviceLink.Offline
            ? $"LED屏 {state.Address} 无应答"
            : state.HardwareFault ? $"LED屏 {state.Address} 报告硬件故障" : null);

    public void Report(DeviceState state) => _reports.Writer.TryWrite(ReportOf(state));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var report in _reports.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var http = httpClients.CreateClient(HttpClientName);
                    using var response = await http.PostAsJsonAsync("api/devices/status", report, stoppingToken);
                    response.EnsureSuccessStatusCode();
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    LogReportFailed(report.DeviceId, report.Status.Name(), e.Message);
                    if (attempt >= 5 || _reports.Reader.Count > 0)
                    {
                        break; // a newer state is waiting, or the server stays away: do not block the queue.
                    }
                    await Task.Delay(TimeSpan.FromSeconds(2 << attempt), stoppingToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report {DeviceId} as {Status} to the hall server: {Reason}")]
    private partial void LogReportFailed(string deviceId, string status, string reason);
}
