namespace Hall.QueueService.Queue.AfterHours;

/// <summary>
/// The hall file's <c>afterHours</c> section (延时服务). Windows serve past closing the citizens still in the hall; the
/// kiosks may keep issuing for <see cref="TicketingMinutesAfterClosing"/> minutes after the last opening range ends
/// (the last-ticket time), for those already inside when the doors close.
/// </summary>
public sealed record AfterHoursRules
{
    public int TicketingMinutesAfterClosing { get; init; }

    public static void Check(AfterHoursRules rules, string field, List<string> errors)
    {
        if (rules.TicketingMinutesAfterClosing is < 0 or > 240)
        {
            errors.Add($"{field}.ticketingMinutesAfterClosing: must be between 0 and 240");
        }
    }
}
