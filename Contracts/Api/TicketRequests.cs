namespace Hall.Contracts.Api;

/// <summary>Body of <c>POST /api/tickets</c> (the kiosk's <c>POST /api/take</c> adds <c>useIdCard</c> to it).</summary>
/// <param name="CheckInByIdNumber">Check in today's booking made with <paramref name="IdNumber"/> (a kiosk that read the ID card), instead of by code.</param>
public sealed record IssueTicketRequest(int? ServiceId, string? Priority = null, string? AppointmentCode = null, string? IdNumber = null, string? StaffCode = null,
    string? Pin = null, bool? CheckInByIdNumber = null, string? Phone = null, bool? SmsConsent = null);

public sealed record LoginRequest(string? StaffCode, string? Pin);

public sealed record LoginResponse(string Token, int WindowNumber, ClerkBadge Clerk, bool MustChangePin = false);

public sealed record ChangePinRequest(string? CurrentPin, string? NewPin);

public sealed record TransferRequest(int? ServiceId, int? WindowNumber = null);

public sealed record PauseRequest(string? Reason);

public sealed record CallTicketRequest(string? Number);

/// <summary>A rating: level 1–5 and the codes of the reasons ticked under it (optional).</summary>
public sealed record RateRequest(int? Level, IReadOnlyList<string>? Reasons = null);

/// <summary>A rating from the phone: as <see cref="RateRequest"/>, with the tracking link's key.</summary>
public sealed record PhoneRatingRequest(int? Level, IReadOnlyList<string>? Reasons, string? Key);
