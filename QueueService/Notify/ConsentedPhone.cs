using Hall.QueueService.Appointments;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Notify;

/// <summary>
/// A mobile number left with consent for text reminders: the number (kept only until the ticket's last message is
/// queued), its masked form for every view and log, and its keyed hash so that erasure finds it after the number is gone.
/// </summary>
public sealed record ConsentedPhone(string Number, string Masked, string Hash)
{
    /// <summary>
    /// The phone a request carries, as kept: null when none is given or consent is not given (then nothing is stored);
    /// 400 for a number that is not a mainland mobile, or consent without a number.
    /// </summary>
    public static ConsentedPhone? From(string? phone, bool? smsConsent, HallSecrets secrets)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return smsConsent == true ? throw QueueProblems.SmsPhoneRequired() : null;
        }
        Security.FieldLimits.Check(phone, "phone", 40);
        var number = PhoneNumbers.Normalize(phone);
        if (!IsMobile(number))
        {
            throw QueueProblems.InvalidMobilePhone();
        }
        return smsConsent == true ? new ConsentedPhone(number, PhoneNumbers.Mask(number), HashOf(number, secrets)) : null;
    }

    /// <summary>The phone of a booking made with consent, for the ticket it becomes at check-in; null otherwise.</summary>
    public static ConsentedPhone? OfBooking(AppointmentRow appointment, HallSecrets secrets) =>
        appointment.SmsConsent == 1 && IsMobile(appointment.Phone)
            ? new ConsentedPhone(appointment.Phone, PhoneNumbers.Mask(appointment.Phone), HashOf(appointment.Phone, secrets))
            : null;

    /// <summary>A mainland mobile: 11 digits, 1 then 3–9 (landlines take no text messages).</summary>
    public static bool IsMobile(string number) =>
        number.Length == 11 && number.All(char.IsAsciiDigit) && number[0] == '1' && number[1] is >= '3' and <= '9';

    /// <summary>Keyed like ID numbers, with its own prefix so a phone's hash never equals an ID number's.</summary>
    public static string HashOf(string number, HallSecrets secrets) => IdNumbers.Hash("phone:" + number, secrets.IdNumberKey);

    public override string ToString() => Masked;
}
