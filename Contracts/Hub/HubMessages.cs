using Hall.Contracts.Api;

namespace Hall.Contracts.Hub;

/// <summary>A call or recall, as boards, LED strips and voice need it.</summary>
public sealed record TicketCalled(
    Guid TicketId,
    string Number,
    int WindowNumber,
    string WindowName,
    string ServiceName,
    DateTimeOffset CalledAt,
    bool IsRecall,
    string Announcement,
    string AnnouncementEn);

public sealed record TicketIssued(
    Guid TicketId,
    string Number,
    int ServiceId,
    string ServiceName,
    TicketPriority Priority,
    DateTimeOffset IssuedAt,
    int Ahead);

/// <summary>Any state change of a ticket (started, finished, no-show, transferred, rated, …).</summary>
public sealed record TicketChanged(
    Guid TicketId,
    string Number,
    int ServiceId,
    TicketStatus Status,
    int? WindowNumber,
    string Kind,
    DateTimeOffset At);

public sealed record WindowChanged(WindowInfo Window);

/// <summary>The hall's configuration changed; names, services and windows may differ from the last snapshot.</summary>
public sealed record HallChanged(DateTimeOffset At);

public sealed record ServiceQueueCount(int ServiceId, string ServiceName, string Prefix, int Waiting, int EstimatedWaitMinutes, DateTimeOffset? OldestIssuedAt);

public sealed record QueueCounts(IReadOnlyList<ServiceQueueCount> Services, DateTimeOffset At);

/// <summary>Everything a display needs when it (re)connects.</summary>
public sealed record HallSnapshot(
    string HallName,
    string HallNameEn,
    string TimeZone,
    DateTimeOffset At,
    IReadOnlyList<WindowInfo> Windows,
    IReadOnlyList<TicketCalled> RecentCalls,
    IReadOnlyList<ServiceQueueCount> Queues,
    string? Notice);
