namespace Hall.QueueService.HallSetup.Calendar;

/// <summary>What a hall file's or a request's calendar must satisfy; every message names the entry.</summary>
public static class CalendarRules
{
    public const int MaxNameLength = 20;

    public static void Check(IReadOnlyList<CalendarEntry> entries, string field, List<string> errors)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var f = $"{field}[{i}]";
            if (!HallCalendar.TryParseDate(entry.Date, out var date))
            {
                errors.Add($"{f}.date: '{entry.Date}' is not a date YYYY-MM-DD");
                continue;
            }
            if (!seen.Add(date))
            {
                errors.Add($"{f}.date: {entry.Date} is listed twice");
            }
            if (!Enum.IsDefined(entry.Kind))
            {
                errors.Add($"{f}.kind: must be holiday or workday");
            }
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > MaxNameLength)
            {
                errors.Add($"{f}.name: is required, at most {MaxNameLength} characters");
            }
            if (entry.Kind == CalendarDayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"{f}.kind: {entry.Date} is a weekday; a make-up workday (调休上班) falls on a Saturday or Sunday");
            }
        }
    }

    /// <summary>Replaces one year's entries and keeps every other year's, in date order.</summary>
    public static IReadOnlyList<CalendarEntry> ReplaceYear(IReadOnlyList<CalendarEntry> current, int year, IEnumerable<CalendarEntry> entries) =>
        [.. current.Where(e => !InYear(e, year)).Concat(entries).OrderBy(e => e.Date, StringComparer.Ordinal)];

    public static bool InYear(CalendarEntry entry, int year) =>
        HallCalendar.TryParseDate(entry.Date, out var date) && date.Year == year;
}
