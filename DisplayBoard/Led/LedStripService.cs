using System.Collections.Concurrent;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;
using Hall.Hardware.HallBus;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.Led;

/// <summary>
/// The window LED strips on this display computer's hall bus: runs the <see cref="HallBusHost"/> on the serial port,
/// shows each window's call, sign, pause or closed text on the strip at the window's address (from the hall
/// snapshot), pings the strips for the offline check, and sends a strip its text again when it comes back.
/// While the hall server is unreachable nothing is sent, so the strips keep their last text.
/// </summary>
public sealed partial class LedStripService(
    HallBusHost bus,
    HallState state,
    LedTextComposer composer,
    LedStatusReporter statusReporter,
    IOptions<LedOptions> options,
    TimeProvider timeProvider,
    ILogger<LedStripService> logger) : BackgroundService, IHallObserver
{
    private readonly ConcurrentDictionary<int, LedStripPresenter> _strips = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The strips known so far, by bus address.</summary>
    internal IReadOnlyDictionary<int, LedStripPresenter> Strips => _strips;

    public ValueTask OnSnapshotAsync(HallSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var window in snapshot.Windows)
        {
            ShowWindow(window);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnWindowChangedAsync(WindowInfo window, CancellationToken cancellationToken)
    {
        ShowWindow(window);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnTicketCalledAsync(TicketCalled call, CancellationToken cancellationToken)
    {
        var address = state.FindWindow(call.WindowNumber)?.Devices.LedAddress;
        if (address is { } led)
        {
            Strip(led).Show(composer.Call(call.Number, call.WindowNumber), blink: true);
        }
        return ValueTask.CompletedTask;
    }

    private void ShowWindow(WindowInfo window)
    {
        if (window.Devices.LedAddress is { } address)
        {
            Strip(address).Show(composer.ForWindow(window), blink: false);
        }
    }

    private LedStripPresenter Strip(int address) =>
        _strips.GetOrAdd(address, a => new LedStripPresenter(a, bus, options.Value, timeProvider, logger, _stopping.Token));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.ConnectionChanged += OnBusConnectionChanged;
        bus.DeviceStateChanged += OnDeviceStateChanged;
        try
        {
            await Task.WhenAll(bus.RunAsync(stoppingToken), PingAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.ConnectionChanged -= OnBusConnectionChanged;
            bus.DeviceStateChanged -= OnDeviceStateChanged;
        }
    }

    /// <summary>Pings every known strip in turn (the host marks one offline after three unanswered pings).</summary>
    private async Task PingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PingIntervalSeconds), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var address in _strips.Keys.Order())
            {
                await bus.PingAsync(address, stoppingToken);
            }
        }
    }

    private void OnBusConnectionChanged(object? sender, BusConnectionChange change)
    {
        if (change.Connected)
        {
            LogPortOpen(options.Value.PortName);
            foreach (var strip in _strips.Values)
            {
                strip.Refresh();
            }
        }
        else
        {
            LogPortLost(options.Value.PortName, change.Error?.Message);
        }
    }

    private void OnDeviceStateChanged(object? sender, DeviceStateChange change)
    {
        var current = change.Current;
        if (!_strips.TryGetValue(current.Address, out var strip))
        {
            return;
        }
        LogStripState(current.Address, current.Link);
        if (current.Link != DeviceLink.Unknown)
        {
            statusReporter.Report(current);
        }
        // Back from offline (power cut, cable): it has lost its text. First contact needs nothing.
        if (current.Link == DeviceLink.Online && change.Previous.Link == DeviceLink.Offline)
        {
            strip.Refresh();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_strips.Values.Select(s => s.Running)).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LED strip bus open on {Port}")]
    private partial void LogPortOpen(string? port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LED strip bus on {Port} lost: {Reason}; reopening")]
    private partial void LogPortLost(string? port, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "LED strip {Address} is {Link}")]
    private partial void LogStripState(int address, DeviceLink link);
}
