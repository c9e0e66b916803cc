using System.Globalization;

namespace Hall.QueueService.HallSetup.Calendar;

/// <summary>
/// The one working-day calculator: whether the hall opens on a date and how deadlines in working days (工作日) are
/// counted. A holiday closes the hall; a make-up workday opens it with the weekday pattern; every other date follows
/// the hall's open days. Working days are Monday to Friday, less holidays, plus make-up workdays, which is how every
/// official deadline (承诺件, 回访, 投诉, B 岗) is counted whatever days the hall itself opens.
/// </summary>
public sealed class HallCalendar
{
    private readonly Dictionary<DateOnly, CalendarEntry> _entries;
    private readonly IReadOnlyList<DayOfWeek> _openDays;

    public HallCalendar(IEnumerable<CalendarEntry> entries, IReadOnlyList<DayOfWeek> openDays)
    {
        _entries = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var entry in entries)
        {
            if (TryParseDate(entry.Date, out var date))
            {
                _entries[date] = entry;
            }
        }
        _openDays = openDays;
    }

    public static HallCalendar Empty { get; } = new([], []);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public CalendarEntry? EntryOn(DateOnly date) => _entries.GetValueOrDefault(date);

    /// <summary>The holiday's name when the date is a declared holiday.</summary>
    public string? HolidayOn(DateOnly date) =>
        _entries.TryGetValue(date, out var e) && e.Kind == CalendarDayKind.Holiday ? e.Name : null;

    /// <summary>Whether the hall opens at all that day (its hours are a separate question).</summary>
    public bool IsOpenDay(DateOnly date)
    {
        if (_entries.TryGetValue(date, out var entry))
        {
            return entry.Kind == CalendarDayKind.Workday;
        }
        return _openDays.Count == 0 || _openDays.Contains(date.DayOfWeek);
    }

    /// <summary>A working day in the official sense, which deadlines count.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_entries.TryGetValue(date, out var entry))
        {
            return entry.Kind == CalendarDayKind.Workday;
        }
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (the start day not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var result = from;
        while (days > 0)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result))
            {
                days--;
            }
        }
        return result;
    }

    /// <summary>Working days in the closed range <paramref name="from"/>..<paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }
        return count;
    }
}
