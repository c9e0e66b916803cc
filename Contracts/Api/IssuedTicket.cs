namespace Hall.Contracts.Api;

/// <summary>Answer to issuing a ticket: everything the kiosk shows and prints.</summary>
public sealed record IssuedTicket(
    Guid Id,
    string Number,
    int ServiceId,
    string ServiceName,
    string ServiceNameEn,
    TicketStatus Status,
    TicketPriority Priority,
    int Ahead,
    int EstimatedWaitMinutes,
    DateTimeOffset IssuedAt,
    string TrackingUrl,
    string HallName,
    IReadOnlyList<int> WindowNumbers,
    IReadOnlyList<string> Materials,
    string? MaskedIdNumber,
    string? Notice);
