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

/// <summary>What the window sign (工作牌) shows of the logged-in clerk.</summary>
public sealed record ClerkBadge(string StaffCode, string Name, string Unit, string Post);

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
