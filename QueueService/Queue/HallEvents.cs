using Hall.Contracts.Hub;

namespace Hall.QueueService.Queue;

/// <summary>What the engine announces after a change is committed. Sinks turn these into hub messages, bus commands, etc.</summary>
public abstract record HallEvent;

public sealed record TicketCalledEvent(TicketCalled Message) : HallEvent;

public sealed record TicketIssuedEvent(TicketIssued Message) : HallEvent;

public sealed record TicketChangedEvent(TicketChanged Message) : HallEvent;

public sealed record WindowChangedEvent(int WindowNumber) : HallEvent;

public sealed record QueueChangedEvent : HallEvent;

/// <summary>
/// Receives every committed event of the hall: this instance's and those other instances relay (the hub broadcaster,
/// the hall bus, the hall-change broadcaster). Registered as <c>IHallEventSink</c>, a sink is found by both the
/// publisher and the relay from other instances, so it cannot miss either.
/// </summary>
public interface IHallEventSink
{
    ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Receives only the events this instance committed: work that must happen once per event however many instances
/// share the hall (telling the other instances, counting for metrics).
/// </summary>
public interface IOwnHallEventSink
{
    ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken);
}

/// <summary>Hands committed events to the sinks; a failing sink is logged and never undoes the committed change.</summary>
public sealed partial class HallEventPublisher(IEnumerable<IHallEventSink> sinks, IEnumerable<IOwnHallEventSink> ownSinks, ILogger<HallEventPublisher> logger)
{
    private readonly IHallEventSink[] _sinks = sinks.ToArray();
    private readonly IOwnHallEventSink[] _ownSinks = ownSinks.ToArray();

    /// <summary>Events this instance committed: to every sink.</summary>
    public async ValueTask PublishAsync(IReadOnlyList<HallEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var hallEvent in events)
        {
            await RelayAsync(hallEvent, cancellationToken);
            foreach (var sink in _ownSinks)
            {
                await DeliverAsync(sink.GetType().Name, hallEvent, sink.PublishAsync, cancellationToken);
            }
        }
    }

    /// <summary>An event another instance committed: to the <see cref="IHallEventSink"/>s only.</summary>
    public async ValueTask RelayAsync(HallEvent hallEvent, CancellationToken cancellationToken = default)
    {
        foreach (var sink in _sinks)
        {
            await DeliverAsync(sink.GetType().Name, hallEvent, sink.PublishAsync, cancellationToken);
        }
    }

    private async ValueTask DeliverAsync(string sink, HallEvent hallEvent, Func<HallEvent, CancellationToken, ValueTask> publish, CancellationToken cancellationToken)
    {
        try
        {
            await publish(hallEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSinkFailed(sink, hallEvent.GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hall event sink {Sink} failed on {Event}")]
    private partial void LogSinkFailed(string sink, string @event, Exception exception);
}
