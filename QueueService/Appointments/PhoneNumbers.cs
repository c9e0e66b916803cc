namespace Hall.QueueService.Appointments;

/// <summary>Phone numbers for bookings: a mainland mobile (11 digits from 1) or a landline with area code; shown masked.</summary>
public static class PhoneNumbers
{
    public static string Normalize(string phone)
    {
        var digits = new string(phone.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '(' and not ')').ToArray());
        return digits.StartsWith("+86", StringComparison.Ordinal) ? digits[3..] : digits;
    }

    public static bool IsValid(string phone) =>
        phone.All(char.IsAsciiDigit)
        && ((phone.Length == 11 && phone[0] == '1' && phone[1] is >= '3' and <= '9') || (phone.Length is >= 10 and <= 12 && phone[0] == '0'));

    /// <summary>The phone as stored (normalised), or 400 <c>invalidPhone</c>.</summary>
    public static string Checked(string phone)
    {
        var normalised = Normalize(phone);
        return IsValid(normalised)
            ? normalised
            : throw QueueProblems.InvalidPhone();
    }

    /// <summary><c>138****5678</c>.</summary>
    public static string Mask(string phone) =>
        phone.Length < 8 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
