using Hall.Contracts.Api;
using System.Threading.Channels;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Ratings;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

/// <summary>
/// Owns the hall bus of callers and evaluators (a serial port, or a gateway's connection). Caller keys become window actions, evaluator presses become
/// ratings, finished tickets invite the window's evaluator, callers show their window's current ticket, and device
/// health goes to <c>device_status</c>. Losing the port is logged and retried by <see cref="HallBusHost"/>.
/// </summary>
/// <remarks>
/// Bus events are handled one after the other on one loop (a clerk's keys must act in order); commands to devices
/// go out on a second loop so a silent device never delays the next key.
/// </remarks>
public sealed partial class HallBusService(
    IOptions<HallBusOptions> options,
    HallCatalogHolder hall,
    HallBusOutbox outbox,
    BusGatewayBroker gateway,
    CallerKeyHandler keys,
    RatingRecorder ratings,
    DeviceStatusStore deviceStatus,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IOptions<WorkQueueOptions> queues,
    LimitCounters counters,
    ILogger<HallBusService> logger) : BackgroundService
{
    private readonly HallBusOptions _options = options.Value;

    // A stuck handler (database gone) must not let a key-repeating caller fill memory: past the bound new input is dropped.
    private readonly Channel<HallBusEvent> _incoming =
        BoundedWorkQueue.Create<HallBusEvent>("busIncoming", queues.Value.BusIncoming, BoundedChannelFullMode.DropWrite, counters, logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.IsEnabled)
        {
            LogNoBus(logger);
            return;
        }
        var catalog = hall.Current;
        var hostOptions = new HallBusHostOptions { Name = _options.BusName };
        if (_options.PingIntervalSeconds > 0)
        {
            hostOptions.PingInterval = TimeSpan.FromSeconds(_options.PingIntervalSeconds);
            foreach (var address in catalog.Windows.SelectMany(w => new[] { w.CallerAddress, w.EvaluatorAddress }).OfType<int>().Distinct().Order())
            {
                hostOptions.PingAddresses.Add((byte)address);
            }
        }
        Func<CancellationToken, ValueTask<Stream>> openStream;
        if (_options.UsesGateway)
        {
            var gatewayId = _options.GatewayDeviceId!;
            if (!catalog.Definition.Devices.Any(d => d.Id == gatewayId && d.Kind == DeviceKind.BusGateway))
            {
                LogUnknownGateway(logger, gatewayId);
            }
            LogWaitingForGateway(logger, gatewayId);
            // Waiting for the gateway's next connection is the pause between sessions; no extra reopen delay.
            hostOptions.ReopenDelays.Clear();
            hostOptions.ReopenDelays.Add(TimeSpan.FromMilliseconds(100));
            openStream = gateway.NextStreamAsync;
        }
        else
        {
            var portName = _options.PortName!;
            openStream = _ => ValueTask.FromResult(SerialPorts.Open(portName, _options.BaudRate).Stream);
        }
        var host = new HallBusHost(openStream, time, loggerFactory.CreateLogger<HallBusHost>(), hostOptions);
        host.KeyPressed += (_, e) => _incoming.Writer.TryWrite(e);
        host.RatingPressed += (_, e) => _incoming.Writer.TryWrite(e);
        host.DeviceStateChanged += (_, e) => _incoming.Writer.TryWrite(e);
        host.ConnectionChanged += (_, e) =>
        {
            if (e.Connected)
            {
                // A (re)opened port: callers show the state of their window again.
                foreach (var window in hall.Current.Windows.Where(w => w.CallerAddress is not null))
                {
                    outbox.RefreshDisplay(window.Number);
                }
            }
        };

        await Task.WhenAll(
            host.RunAsync(stoppingToken),
            HandleIncomingAsync(host, stoppingToken),
            outbox.SendAsync(host, stoppingToken));
    }

    private async Task HandleIncomingAsync(HallBusHost host, CancellationToken cancellationToken)
    {
        await foreach (var item in _incoming.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                switch (item)
                {
                    case KeyPress key:
                        await OnKeyAsync(key, cancellationToken);
                        break;
                    case RatingPress rating:
                        await OnRatingAsync(rating, cancellationToken);
                        break;
                    case DeviceStateChange change:
                        await OnDeviceChangedAsync(change, cancellationToken);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandlingFailed(logger, item.ToString(), e);
            }
        }
    }

    private async Task OnKeyAsync(KeyPress key, CancellationToken cancellationToken)
    {
        var window = hall.Current.Windows.FirstOrDefault(w => w.CallerAddress == key.Address);
        if (window is null)
        {
            LogUnknownCaller(logger, key.Address);
            return;
        }
        if (!await keys.HandleAsync(window.Number, key, cancellationToken))
        {
            LogKeyRefused(logger, key.Key, window.Number);
            var address = key.Address;
            outbox.Beep(address);
            outbox.RefreshDisplay(window.Number);
        }
    }

    private async Task OnRatingAsync(RatingPress press, CancellationToken cancellationToken)
    {
        var window = hall.Current.Windows.FirstOrDefault(w => w.EvaluatorAddress == press.Address);
        if (window is null)
        {
            LogUnknownEvaluator(logger, press.Address);
            return;
        }
        var level = press.Level.ToSatisfaction().Value;
        var reasons = RatingReasons.FromNumbers(hall.Current, level, press.Reasons);
        var outcome = await ratings.RateAtWindowAsync(window.Number, level, reasons, RatingChannels.Evaluator, new Actor("bus:" + press.Address), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            // Late, second or unbound presses are ignored by rule; the evaluator has nothing to show for it.
            LogRatingIgnored(logger, press.Address, refusal.Detail);
        }
    }

    private async Task OnDeviceChangedAsync(DeviceStateChange change, CancellationToken cancellationToken)
    {
        var current = change.Current;
        var window = hall.Current.FindWindowByDevice(current.Address);
        var kind = window?.CallerAddress == current.Address ? DeviceReportKind.Caller
            : window?.EvaluatorAddress == current.Address ? DeviceReportKind.Evaluator : DeviceReportKind.BusDevice;
        DeviceStatus? status = current.Link == DeviceLink.Offline ? DeviceStatus.Offline
            : current.HardwareFault ? DeviceStatus.Fault : current.Link == DeviceLink.Online ? DeviceStatus.Online : null;
        if (status is null)
        {
            return;
        }
        var detail = window is null ? null : $"{window.Name} · {_options.BusName}";
        await deviceStatus.UpsertAsync("bus:" + current.Address, kind.Name(), status.Value.Name(), detail, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No hall bus configured (neither Bus:PortName nor Bus:GatewayDeviceId is set): hardware callers and evaluators are off")]
    private static partial void LogNoBus(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus:GatewayDeviceId '{DeviceId}' is no busGateway device of the hall: add it and issue its key, or the gateway is refused")]
    private static partial void LogUnknownGateway(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The hall bus is carried by gateway {DeviceId}: waiting for it at /bus/gateway")]
    private static partial void LogWaitingForGateway(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key from bus address {Address}, which is no window's caller: ignored")]
    private static partial void LogUnknownCaller(ILogger logger, int address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rating from bus address {Address}, which is no window's evaluator: ignored")]
    private static partial void LogUnknownEvaluator(ILogger logger, int address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caller key {Key} at window {Window} refused: beep")]
    private static partial void LogKeyRefused(ILogger logger, HallBusKey key, int window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rating from evaluator {Address} ignored: {Reason}")]
    private static partial void LogRatingIgnored(ILogger logger, int address, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Item} from the hall bus failed")]
    private static partial void LogHandlingFailed(ILogger logger, string item, Exception exception);

}
