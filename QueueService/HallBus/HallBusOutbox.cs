using System.Collections.Concurrent;
using System.Threading.Channels;
using Hall.Hardware.HallBus;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

/// <summary>
/// Commands waiting for the hall bus, sent one after the other by <see cref="HallBusService"/>; also the hall event
/// sink that queues them (INVITE after a finish, SHOW after a window change), for console and caller actions alike.
/// Kept apart from the service so that sinks do not depend on the window actions that publish to them.
/// </summary>
public sealed partial class HallBusOutbox(
    IOptions<HallBusOptions> options,
    HallCatalogHolder hall,
    HallQueries queries,
    IOptions<WorkQueueOptions> queues,
    LimitCounters counters,
    ILogger<HallBusOutbox> logger) : IHallEventSink
{
    private readonly HallBusOptions _options = options.Value;

    // A silent bus (port gone) must not pile up commands: past the bound new ones are refused and counted (a display
    // refresh refused is asked for again by the window's next change).
    private readonly Channel<Func<HallBusHost, CancellationToken, Task>> _commands =
        BoundedWorkQueue.Create<Func<HallBusHost, CancellationToken, Task>>(CommandQueue, queues.Value.BusCommands, BoundedChannelFullMode.Wait, counters, logger);
    private const string CommandQueue = "busCommands";
    private readonly ConcurrentDictionary<int, bool> _displayRefreshPending = new();

    /// <summary>Committed hall events: a finished ticket invites a rating; a changed window updates its caller's display.</summary>
    public ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (!_options.IsEnabled || !hall.IsLoaded)
        {
            return ValueTask.CompletedTask;
        }
        switch (hallEvent)
        {
            case TicketChangedEvent { Message.Kind: EventKinds.Finished } finished when finished.Message.WindowNumber is { } number:
                if (hall.Current.FindWindow(number)?.EvaluatorAddress is { } evaluator)
                {
                    var seconds = hall.Current.Definition.RatingTimeoutSeconds;
                    _ = Enqueue((host, ct) => host.InviteAsync(evaluator, seconds, ct));
                }
                break;
            case WindowChangedEvent changed:
                RefreshDisplay(changed.WindowNumber);
                break;
            case TicketCalledEvent called:
                RefreshDisplay(called.Message.WindowNumber);
                break;
        }
        return ValueTask.CompletedTask;
    }

    public void Beep(int address) => _ = Enqueue((host, ct) => host.BeepAsync(address, 1, ct));

    public void RefreshDisplay(int windowNumber)
    {
        if (hall.Current.FindWindow(windowNumber)?.CallerAddress is not { } caller || !_displayRefreshPending.TryAdd(windowNumber, true))
        {
            return;
        }
        var queued = Enqueue(async (host, ct) =>
        {
            _displayRefreshPending.TryRemove(windowNumber, out _);
            var window = await queries.GetWindowAsync(windowNumber, ct);
            if (window is not null)
            {
                await host.ShowAsync(caller, 0, CallerDisplay.Text(window), ct);
            }
        });
        if (!queued)
        {
            _displayRefreshPending.TryRemove(windowNumber, out _);
        }
    }

    private bool Enqueue(Func<HallBusHost, CancellationToken, Task> command)
    {
        if (_commands.Writer.TryWrite(command))
        {
            return true;
        }
        BoundedWorkQueue.Refused(CommandQueue, queues.Value.BusCommands, counters, logger);
        return false;
    }

    public async Task SendAsync(HallBusHost host, CancellationToken cancellationToken)
    {
        await foreach (var command in _commands.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await command(host, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCommandFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A hall bus command failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);
}
