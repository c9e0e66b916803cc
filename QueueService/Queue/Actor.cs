namespace Hall.QueueService.Queue;

/// <summary>Who acts and from where, for the event record: a clerk at a window, through a device (console, caller, kiosk…).</summary>
public sealed record Actor(string Device, string? StaffCode = null, int? WindowNumber = null);
