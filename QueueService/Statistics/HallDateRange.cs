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
            throw QueueProblems.InvalidDate(name, text);
        }
        return date;
    }

    public static HallDateRange Parse(string? from, string? to)
    {
        var range = new HallDateRange(ParseDate(from, "from"), ParseDate(to, "to"));
        if (range.To < range.From)
        {
            throw QueueProblems.InvalidRange();
        }
        if (range.To.DayNumber - range.From.DayNumber >= MaxDays)
        {
            throw QueueProblems.RangeTooLong(MaxDays);
        }
        return range;
    }

    public static HallDateRange ParseMonth(string? month)
    {
        if (string.IsNullOrWhiteSpace(month)
            || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw QueueProblems.InvalidMonth();
        }
        return new HallDateRange(first, first.AddMonths(1).AddDays(-1));
    }
}
