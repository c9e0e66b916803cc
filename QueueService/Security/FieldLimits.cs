using Hall.QueueService.Queue;

namespace Hall.QueueService.Security;

/// <summary>
/// The documented maximum lengths of text fields (README, "Bounded input"). A longer value is 400 naming the field,
/// before anything is stored, logged or broadcast.
/// </summary>
public static class FieldLimits
{
    public const int StaffCode = 20;
    public const int Pin = 32;
    public const int Password = 128;
    public const int PersonName = 40;
    public const int Reason = 200;
    public const int DeviceId = 100;
    public const int DeviceKind = 40;
    public const int DeviceDetail = 500;

    /// <summary>Refuses a value longer than <paramref name="max"/> characters; null passes (required fields are checked where they are used).</summary>
    public static void Check(string? value, string field, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw QueueProblems.FieldTooLong(field, max);
        }
    }
}
