namespace Hall.Contracts.Api;

/// <summary>A service (事项) as kiosks and clients see it, with its live queue.</summary>
public sealed record ServiceInfo(
    int Id,
    string Code,
    string Name,
    string NameEn,
    string Prefix,
    string Category,
    int Waiting,
    int EstimatedWaitMinutes,
    bool IsOpen,
    string? ClosedReason,
    IReadOnlyList<string> Materials,
    IReadOnlyList<int> WindowNumbers,
    int PromisedMinutes);
