using Hall.QueueService.Queue;

namespace Hall.QueueService.HallSetup;

/// <summary>An administrator's change to the hall definition was committed and the catalog swapped.</summary>
public sealed record HallChangedEvent(DateTimeOffset At) : HallEvent;
