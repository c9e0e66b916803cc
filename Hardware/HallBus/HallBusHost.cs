using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hall.Hardware.HallBus;

/// <summary>
/// The host end of one hall bus: owns the session on the port, reads device frames (<see cref="DeviceEventParser"/>),
/// acknowledges them at once, acts once per (address, S), sends commands (<see cref="CommandCorrelator"/> matches
/// replies and retries), and tracks which devices answer. Knows nothing about windows or tickets:
/// QueueService (callers, evaluators) and DisplayBoard (LED strips) wire its events and commands to their own logic.
/// </summary>
/// <remarks>
/// <para><see cref="RunAsync"/> drives everything and ends only when cancelled. Built with a stream factory it owns
/// the port: when reading or writing fails it disposes the stream, raises <see cref="ConnectionChanged"/> and reopens
/// with back-off. Built with one stream it does not own it, and <see cref="RunAsync"/> ends with the error instead.</para>
/// <para>Events are raised on the read loop, in order. Handlers must return quickly (hand work to a channel or task);
/// an exception in a handler is logged and does not stop the bus.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "Its SemaphoreSlim never creates a wait handle, so there is nothing to release.")]
public sealed partial class HallBusHost
{
    private readonly Func<CancellationToken, ValueTask<Stream>> _openStream;
    private readonly bool _ownsStreams;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HallBusHostOptions _options;
    private readonly string _name;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CommandCorrelator _commands;
    private readonly DuplicateFilter _duplicates;
    private readonly DeviceRegistry _devices;
    private HallBusSession? _session;
    private int _running;

    /// <summary>A host over one stream it does not own; <see cref="RunAsync"/> ends with the error when the stream fails.</summary>
    public HallBusHost(Stream stream, TimeProvider time, ILogger<HallBusHost>? logger, HallBusHostOptions? options = null)
        : this(_ => ValueTask.FromResult(stream), ownsStreams: false, time, logger, options)
    {
        ArgumentNullException.ThrowIfNull(stream);
    }

    /// <summary>
    /// A host that opens its port through <paramref name="openStream"/> (for example
    /// <c>_ =&gt; ValueTask.FromResult(SerialPorts.Open(portOptions).Stream)</c>), disposes it when it fails,
    /// and opens it again after <see cref="HallBusHostOptions.ReopenDelays"/>.
    /// </summary>
    public HallBusHost(Func<CancellationToken, ValueTask<Stream>> openStream, TimeProvider time, ILogger<HallBusHost>? logger,
        HallBusHostOptions? options = null)
        : this(openStream, ownsStreams: true, time, logger, options)
    {
    }

    private HallBusHost(Func<CancellationToken, ValueTask<Stream>> openStream, bool ownsStreams, TimeProvider time,
        ILogger? logger, HallBusHostOptions? options)
    {
        ArgumentNullException.ThrowIfNull(openStream);
        ArgumentNullException.ThrowIfNull(time);
        _openStream = openStream;
        _ownsStreams = ownsStreams;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _options = options ?? new HallBusHostOptions();
        _name = _options.Name;
        _duplicates = new DuplicateFilter(time, _options.DuplicateWindow);
        _devices = new DeviceRegistry(_options.UnansweredPingsForOffline);
        _commands = new CommandCorrelator(WriteAsync, time, _options, _logger);
        foreach (var address in _options.PingAddresses)
        {
            _devices.Track(address);
        }
    }

    public bool IsConnected => Volatile.Read(ref _session) is not null;

    public DeviceState? GetDeviceState(int address)
    {
        lock (_gate)
        {
            return _devices.Get(address);
        }
    }

    public IReadOnlyList<DeviceState> DeviceStates
    {
        get
        {
            lock (_gate)
            {
                return _devices.Snapshot();
            }
        }
    }

    /// <summary>
    /// Opens the port, reads and answers frames, and pings <see cref="HallBusHostOptions.PingAddresses"/> until
    /// <paramref name="cancellationToken"/> is cancelled (then it returns normally).
    /// </summary>
    /// <exception cref="IOException">Only for a host built over one stream: that stream failed or ended.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The hall bus host is already running.");
        }
        try
        {
            var failures = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                Stream stream;
                try
                {
                    stream = await _openStream(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    Raise(ConnectionChanged, new BusConnectionChange(false, ex), nameof(ConnectionChanged));
                    if (!_ownsStreams)
                    {
                        throw;
                    }
                    var delay = ReopenDelay(failures++);
                    HallBusHostLog.OpenFailed(_logger, _name, delay, ex);
                    if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                    continue;
                }

                var (error, heardAnything) = await RunSessionAsync(stream, cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                error ??= new IOException($"{_name}: the port closed (end of stream).");
                HallBusHostLog.PortLost(_logger, _name, error);
                OnPortLost(error);
                if (!_ownsStreams)
                {
                    ExceptionDispatchInfo.Throw(error);
                }
                failures = heardAnything ? 0 : failures;
                var wait = ReopenDelay(failures++);
                HallBusHostLog.Reopening(_logger, _name, wait);
                if (!await DelayAsync(wait, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<(Exception? Error, bool HeardAnything)> RunSessionAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var session = new HallBusSession(stream, sessionCts);
        Volatile.Write(ref _session, session);
        HallBusHostLog.PortOpened(_logger, _name);
        Raise(ConnectionChanged, new BusConnectionChange(true, null), nameof(ConnectionChanged));

        var pinging = _options.PingAddresses.Count > 0 ? PingLoopAsync(sessionCts.Token) : Task.CompletedTask;
        var reader = new HallBusFrameReader(stream);
        try
        {
            await ReadLoopAsync(session, reader, sessionCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sessionCts.IsCancellationRequested)
        {
            // stopped by the owner, or by a failed write (session.Error says which)
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            session.Fail(ex);
        }
        finally
        {
            Volatile.Write(ref _session, null);
            await sessionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await pinging.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            if (_ownsStreams)
            {
                await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // already broken
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        if (reader.Decoder.DiscardedBytes > 0)
        {
            HallBusHostLog.Discarded(_logger, _name, reader.Decoder.DiscardedBytes);
        }
        return (session.Error, session.HeardAnything);
    }

    private async Task ReadLoopAsync(HallBusSession session, HallBusFrameReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame is null)
            {
                return;
            }
            session.HeardAnything = true;
            try
            {
                await HandleAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or IOException or ObjectDisposedException))
            {
                // A bug in handling one frame must not take the bus down.
                HallBusHostLog.HandlingFailed(_logger, _name, frame, ex);
            }
        }
    }

    private async Task PingLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _time);
        do
        {
            foreach (var address in _options.PingAddresses)
            {
                // One at a time: on a half-duplex bus the answers must not collide.
                await PingAsync(address, cancellationToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private void OnPortLost(Exception error)
    {
        Raise(ConnectionChanged, new BusConnectionChange(false, error), nameof(ConnectionChanged));
        IReadOnlyList<DeviceStateChange> changes;
        lock (_gate)
        {
            changes = _devices.AllOffline();
        }
        foreach (var change in changes)
        {
            RaiseDeviceChange(change);
        }
    }

    private TimeSpan ReopenDelay(int failures)
    {
        var delays = _options.ReopenDelays;
        return delays.Count == 0 ? TimeSpan.FromSeconds(1) : delays[Math.Min(failures, delays.Count - 1)];
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
