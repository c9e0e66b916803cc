using System.Globalization;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Statistics;

/// <summary>An inclusive range of hall days, parsed from query strings with messages a person understands.</summary>
public readonly record struct HallDateRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public string FromKey => From.ToKey();

    public string ToKey => To.ToKey();

    public static DateOnly ParseDate(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw QueueRuleException.BadRequest("invalidDate", $"{name} 须为 YYYY-MM-DD 格式的日期。{name} must be a date like 2026-11-23.");
        }
        return date;
    }

    public static HallDateRange Parse(string? from, string? to)
    {
        var range = new HallDateRange(ParseDate(from, "from"), ParseDate(to, "to"));
        if (range.To < range.From)
        {
            throw QueueRuleException.BadRequest("invalidRange", "to 不能早于 from。to must not be before from.");
        }
        if (range.To.DayNumber - range.From.DayNumber >= MaxDays)
        {
            throw QueueRuleException.BadRequest("rangeTooLong", $"统计区间最长 {MaxDays} 天。A range covers at most {MaxDays} days.");
        }
        return range;
    }

    public static HallDateRange ParseMonth(string? month)
    {
        if (string.IsNullOrWhiteSpace(month)
            || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw QueueRuleException.BadRequest("invalidMonth", "month 须为 YYYY-MM 格式。month must look like 2026-11.");
        }
        return new HallDateRange(first, first.AddMonths(1).AddDays(-1));
    }
}
