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

/// <summary>
/// The notices in force now changed (an administrator added, changed or deleted one, or one came into force or
/// expired): the whole list in force, so boards rotate it without asking again.
/// </summary>
public sealed record NoticesChanged(IReadOnlyList<NoticeView> Notices, DateTimeOffset At);

/// <summary>Everything a display needs when it (re)connects.</summary>
/// <param name="Notices">The notices in force (公开屏); null from a server without them.</param>
/// <param name="Contacts">The hall's complaint and supervision phones, for the board's footer.</param>
public sealed record HallSnapshot(
    string HallName,
    string HallNameEn,
    string TimeZone,
    DateTimeOffset At,
    IReadOnlyList<WindowInfo> Windows,
    IReadOnlyList<TicketCalled> RecentCalls,
    IReadOnlyList<ServiceQueueCount> Queues,
    string? Notice,
    IReadOnlyList<NoticeView>? Notices = null,
    HallContacts? Contacts = null);
