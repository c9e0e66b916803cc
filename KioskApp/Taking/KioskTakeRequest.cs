using Hall.Contracts.Api;

namespace Hall.KioskApp.Taking;

/// <summary>
/// Body of the kiosk's <c>POST /api/take</c>: the hall server's request, plus <c>useIdCard</c> (take with the ID number
/// of the card on the reader) and <c>checkInByIdCard</c> (check in the booking made with that card's number); <c>phone</c> with
/// <c>smsConsent</c> goes on to the hall server for the text reminder (到号短信提醒).
/// </summary>
public sealed record KioskTakeRequest(
    int? ServiceId,
    string? Priority = null,
    string? AppointmentCode = null,
    string? IdNumber = null,
    string? StaffCode = null,
    string? Pin = null,
    bool? UseIdCard = null,
    bool? CheckInByIdCard = null,
    string? Phone = null,
    bool? SmsConsent = null)
{
    public bool WantsIdCard => UseIdCard == true || CheckInByIdCard == true;

    public IssueTicketRequest ToServerRequest(string? idNumber) =>
        new(ServiceId, Priority, AppointmentCode, idNumber, StaffCode, Pin, CheckInByIdCard == true ? true : null, Phone, SmsConsent);
}
