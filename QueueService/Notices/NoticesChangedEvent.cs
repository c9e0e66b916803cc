using Hall.QueueService.Queue;

namespace Hall.QueueService.Notices;

/// <summary>The notices in force may differ from what the boards show: an administrator changed one, or one came into force or expired.</summary>
public sealed record NoticesChangedEvent(DateTimeOffset At) : HallEvent;
