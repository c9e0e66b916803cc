using System.Globalization;

namespace Hall.QueueService.HallSetup.Calendar;

/// <summary>
/// The plain text an administrator types from the State Council's yearly notice (国务院办公厅关于部分节假日安排的通知),
/// one line per holiday period or make-up day:
/// <code>
/// # 2026 国办发明电〔2025〕7号
/// 国庆节  2026-10-01..2026-10-07  休
/// 国庆节  2026-09-20  班
/// </code>
/// A line is a name, a date or an inclusive range (<c>..</c>, <c>~</c> or <c>至</c>), and 休/放假/holiday or
/// 班/上班/workday. <c>#</c> starts a comment. Errors name the line, so a typing slip is found at once.
/// </summary>
public static class CalendarText
{
    private const int MaxRangeDays = 31;

    public sealed record Result(IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<string> Errors);

    public static Result Parse(string text, int year)
    {
        var entries = new List<CalendarEntry>();
        var errors = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var error = ParseLine(line, year, entries);
            if (error is not null)
            {
                errors.Add($"第{i + 1}行 (line {i + 1}): {error}");
            }
        }
        return new Result(entries, errors);
    }

    /// <summary>The entries written back as text, ranges joined, so the page shows what the server holds.</summary>
    public static string Format(IEnumerable<CalendarEntry> entries)
    {
        var lines = new List<string>();
        var ordered = entries
            .Select(e => (Entry: e, Date: HallCalendar.TryParseDate(e.Date, out var d) ? d : DateOnly.MinValue))
            .OrderBy(e => e.Date).ToList();
        for (var i = 0; i < ordered.Count;)
        {
            var first = ordered[i];
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Entry.Kind == first.Entry.Kind && ordered[j + 1].Entry.Name == first.Entry.Name
                && ordered[j + 1].Date == ordered[j].Date.AddDays(1))
            {
                j++;
            }
            var dates = j == i ? first.Entry.Date : $"{first.Entry.Date}..{ordered[j].Entry.Date}";
            lines.Add($"{first.Entry.Name}  {dates}  {(first.Entry.Kind == CalendarDayKind.Holiday ? "休" : "班")}");
            i = j + 1;
        }
        return string.Join('\n', lines);
    }

    private static string? ParseLine(string line, int year, List<CalendarEntry> entries)
    {
        var parts = line.Split((char[])[' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            return $"应为“名称 日期 休/班”三项，现为 {parts.Length} 项 (expected: name, date or range, 休 or 班)";
        }
        var (name, dates, kindText) = (parts[0], parts[1], parts[2]);
        CalendarDayKind? kind = kindText.ToLowerInvariant() switch
        {
            "休" or "放假" or "假" or "holiday" => CalendarDayKind.Holiday,
            "班" or "上班" or "workday" => CalendarDayKind.Workday,
            _ => null,
        };
        if (kind is null)
        {
            return $"“{kindText}”应为 休 或 班 (holiday or workday)";
        }
        var range = dates.Split(["..", "~", "至"], StringSplitOptions.None);
        if (range.Length > 2 || !HallCalendar.TryParseDate(range[0], out var from))
        {
            return $"“{dates}”不是日期 YYYY-MM-DD 或日期范围 YYYY-MM-DD..YYYY-MM-DD (not a date or a range)";
        }
        var to = from;
        if (range.Length == 2 && !HallCalendar.TryParseDate(range[1], out to))
        {
            return $"“{range[1]}”不是日期 YYYY-MM-DD (not a date)";
        }
        if (from.Year != year || to.Year != year)
        {
            return $"“{dates}”不在 {year} 年 (not in {year})";
        }
        if (to < from || to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            return $"“{dates}”的范围不对 (the range must run forward and last at most {MaxRangeDays} days)";
        }
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            entries.Add(new CalendarEntry { Date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Kind = kind.Value, Name = name });
        }
        return null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }
}
