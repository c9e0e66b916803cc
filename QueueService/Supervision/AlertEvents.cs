using Hall.Contracts.Hub;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Supervision;

/// <summary>A new alert was committed; the hub sends it to supervisors (<see cref="IHallClient.AlertRaised"/>).</summary>
public sealed record AlertRaisedEvent(AlertView Alert) : HallEvent;

/// <summary>An alert's acknowledgement was committed (<see cref="IHallClient.AlertAcknowledged"/>).</summary>
public sealed record AlertAcknowledgedEvent(AlertView Alert) : HallEvent;
