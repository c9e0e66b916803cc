namespace Hall.Contracts.Api;

/// <summary>A service (事项) as kiosks and clients see it, with its live queue.</summary>
/// <param name="RequiresId">实名取号: a ticket needs the ID number (the kiosk asks for the ID card).</param>
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
    int PromisedMinutes,
    bool RequiresId = false);
