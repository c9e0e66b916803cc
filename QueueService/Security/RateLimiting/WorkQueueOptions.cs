using System.ComponentModel.DataAnnotations;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// Bounds of the hall server's in-process work queues (section <c>WorkQueues</c>), so a flood or a stuck consumer
/// costs a counted drop (<c>hall_limits_refused_total{limit="queue:…"}</c>, a log line) instead of all the memory.
/// </summary>
public sealed class WorkQueueOptions
{
    public const string Section = "WorkQueues";

    /// <summary>Other instances' hall events (PostgreSQL LISTEN) waiting to be passed to this instance's clients; the oldest go first, then a full resend.</summary>
    [Range(1, 1_000_000, ErrorMessage = "WorkQueues:ListenerEvents must be between 1 and 1000000.")]
    public int ListenerEvents { get; set; } = 10_000;

    /// <summary>Caller keys, rating presses and device states from the hall bus waiting to be handled; beyond it new ones are dropped.</summary>
    [Range(1, 1_000_000, ErrorMessage = "WorkQueues:BusIncoming must be between 1 and 1000000.")]
    public int BusIncoming { get; set; } = 1_000;

    /// <summary>Commands (INVITE, SHOW, BEEP) waiting for the hall bus; the oldest are dropped (a newer SHOW supersedes them).</summary>
    [Range(1, 1_000_000, ErrorMessage = "WorkQueues:BusCommands must be between 1 and 1000000.")]
    public int BusCommands { get; set; } = 1_000;

    /// <summary>Connections to the hall hub at once on this instance; beyond it a new connection is closed at once.</summary>
    [Range(1, 1_000_000, ErrorMessage = "WorkQueues:HubConnections must be between 1 and 1000000.")]
    public int HubConnections { get; set; } = 5_000;
}
