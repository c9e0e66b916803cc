namespace Hall.Contracts.Api;

/// <summary>A window (窗口) and its live state.</summary>
public sealed record WindowInfo(
    int Number,
    string Name,
    string Kind,
    IReadOnlyList<int> ServiceIds,
    WindowState State,
    ClerkBadge? Clerk,
    TicketSummary? CurrentTicket,
    string? PauseReason,
    WindowDevices Devices);

/// <summary>Hall-bus addresses of the window's devices (demo hall: caller n, evaluator 100 + n, LED strip 200 + n).</summary>
public sealed record WindowDevices(int? CallerAddress, int? EvaluatorAddress, int? LedAddress);

/// <summary>What the window sign (工作牌) and the board's staff on duty (岗位公示) show of the logged-in clerk.</summary>
/// <param name="Title">职务, when the hall sets one.</param>
/// <param name="PhotoUrl">The clerk's photo (a path on the hall server or an https address), when the hall gives one.</param>
public sealed record ClerkBadge(string StaffCode, string Name, string Unit, string Post, string? Title = null, string? PhotoUrl = null);

/// <summary>The ticket at a window, as displays show it.</summary>
public sealed record TicketSummary(
    Guid Id,
    string Number,
    int ServiceId,
    string ServiceName,
    TicketStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    DateTimeOffset? StartedAt);
