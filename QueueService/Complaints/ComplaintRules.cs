using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Complaints;

/// <summary>
/// The hall file's <c>complaints</c> section: working days until a complaint's answer is due. An on-site complaint
/// is answered by the end of the next working day, others within 3, complex ones within 5 (the hall's own rules may differ).
/// </summary>
public sealed record ComplaintRules
{
    public int OnSiteWorkingDays { get; init; } = 1;
    public int OtherWorkingDays { get; init; } = 3;
    public int ComplexWorkingDays { get; init; } = 5;

    public static void Check(ComplaintRules rules, string field, List<string> errors)
    {
        foreach (var (name, value) in new[] { ("onSiteWorkingDays", rules.OnSiteWorkingDays), ("otherWorkingDays", rules.OtherWorkingDays), ("complexWorkingDays", rules.ComplexWorkingDays) })
        {
            if (value is < 1 or > 60)
            {
                errors.Add($"{field}.{name}: must be between 1 and 60");
            }
        }
    }
}

/// <summary>When a complaint's answer is due: the end (local midnight) of the Nth working day after the day it came in, on the hall calendar.</summary>
public static class ComplaintDueDate
{
    public static DateTimeOffset For(HallCatalog catalog, string channel, bool complex, DateTimeOffset receivedAt)
    {
        var rules = catalog.Definition.Complaints;
        var days = complex ? rules.ComplexWorkingDays : channel == ComplaintChannels.OnSite ? rules.OnSiteWorkingDays : rules.OtherWorkingDays;
        var lastDay = catalog.Calendar.AddWorkingDays(catalog.HallDate(receivedAt), days);
        // The end of that day is the start of the next one, in the hall's time zone.
        var end = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(end, catalog.TimeZone.GetUtcOffset(end));
    }
}

/// <summary>How a complaint reached the hall.</summary>
public static class ComplaintChannels
{
    public const string OnSite = "onSite";
    public const string Phone = "phone";
    public const string Web = "web";
    public const string Letter = "letter";
    public const string Evaluator = "evaluator";

    public static readonly string[] All = [OnSite, Phone, Web, Letter, Evaluator];

    /// <summary>A written complaint is answered in writing before it is closed.</summary>
    public static bool IsWritten(string channel) => channel is Web or Letter;
}

/// <summary>A complaint's states; "overdue" is an open one past its due time, a filter rather than a state.</summary>
public static class ComplaintStatuses
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Escalated = "escalated";
    public const string Closed = "closed";
    public const string Invalid = "invalid";
}
