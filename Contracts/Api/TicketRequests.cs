namespace Hall.Contracts.Api;

/// <summary>Body of <c>POST /api/tickets</c> and of the kiosk's <c>POST /api/take</c>.</summary>
public sealed record IssueTicketRequest(int? ServiceId, string? Priority = null, string? AppointmentCode = null, string? IdNumber = null, string? StaffCode = null);

public sealed record LoginRequest(string? StaffCode, string? Pin);

public sealed record LoginResponse(string Token, int WindowNumber, ClerkBadge Clerk);

public sealed record TransferRequest(int? ServiceId, int? WindowNumber = null);

public sealed record PauseRequest(string? Reason);

public sealed record CallTicketRequest(string? Number);

public sealed record RateRequest(int? Level);
