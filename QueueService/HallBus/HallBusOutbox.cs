using System.Collections.Concurrent;
using System.Threading.Channels;
using Hall.Hardware.HallBus;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
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
    ILogger<HallBusOutbox> logger) : IHallEventSink
{
    private readonly HallBusOptions _options = options.Value;
    private readonly Channel<Func<HallBusHost, CancellationToken, Task>> _commands =
        Channel.CreateUnbounded<Func<HallBusHost, CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
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
                    Enqueue((host, ct) => host.InviteAsync(evaluator, seconds, ct));
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

    public void Beep(int address) => Enqueue((host, ct) => host.BeepAsync(address, 1, ct));

    public void RefreshDisplay(int windowNumber)
    {
        if (hall.Current.FindWindow(windowNumber)?.CallerAddress is not { } caller || !_displayRefreshPending.TryAdd(windowNumber, true))
        {
            return;
        }
        Enqueue(async (host, ct) =>
        {
            _displayRefreshPending.TryRemove(windowNumber, out _);
            var window = await queries.GetWindowAsync(windowNumber, ct);
            if (window is not null)
            {
                await host.ShowAsync(caller, 0, CallerDisplay.Text(window), ct);
            }
        });
    }

    private void Enqueue(Func<HallBusHost, CancellationToken, Task> command) => _commands.Writer.TryWrite(command);

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
