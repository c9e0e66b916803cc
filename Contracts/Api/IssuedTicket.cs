namespace Hall.Contracts.Api;

/// <summary>Answer to issuing a ticket: everything the kiosk shows and prints.</summary>
/// <param name="Contacts">The hall's complaint and supervision phones, printed on the ticket.</param>
/// <param name="GuideUrl">The phone page of the service's full guide (办事指南), a second QR code on the ticket; null without a guide.</param>
/// <param name="SmsPhone">The mobile number left for the text reminder (到号短信提醒), masked (138****1234); null without consent.</param>
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
    string? Notice,
    HallContacts? Contacts = null,
    string? GuideUrl = null,
    string? SmsPhone = null);
