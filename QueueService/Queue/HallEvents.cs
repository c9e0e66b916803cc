using Hall.Contracts.Hub;

namespace Hall.QueueService.Queue;

/// <summary>What the engine announces after a change is committed. Sinks turn these into hub messages, bus commands, etc.</summary>
public abstract record HallEvent;

public sealed record TicketCalledEvent(TicketCalled Message) : HallEvent;

public sealed record TicketIssuedEvent(TicketIssued Message) : HallEvent;

public sealed record TicketChangedEvent(TicketChanged Message) : HallEvent;

public sealed record WindowChangedEvent(int WindowNumber) : HallEvent;

public sealed record QueueChangedEvent : HallEvent;

/// <summary>Receives committed hall events (the hub broadcaster, the hall bus, other instances).</summary>
public interface IHallEventSink
{
    ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken);
}

/// <summary>Hands committed events to every sink; a failing sink is logged and never undoes the committed change.</summary>
public sealed partial class HallEventPublisher(IEnumerable<IHallEventSink> sinks, ILogger<HallEventPublisher> logger)
{
    private readonly IHallEventSink[] _sinks = sinks.ToArray();

    public async ValueTask PublishAsync(IReadOnlyList<HallEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var hallEvent in events)
        {
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.PublishAsync(hallEvent, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSinkFailed(sink.GetType().Name, hallEvent.GetType().Name, e);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hall event sink {Sink} failed on {Event}")]
    private partial void LogSinkFailed(string sink, string @event, Exception exception);
}
