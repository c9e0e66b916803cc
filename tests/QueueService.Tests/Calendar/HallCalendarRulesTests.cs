using Hall.QueueService.HallSetup;
using Hall.QueueService.HallSetup.Calendar;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Calendar;

/// <summary>The one working-day calculator and the notice's text format, on the shipped 2026 and 2027 files.</summary>
public sealed class HallCalendarRulesTests
{
    private static CalendarText.Result ParseShipped(int year) =>
        CalendarText.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "deploy", "calendar", $"{year}.txt")), year);

    private static HallCalendar Calendar2026(params DayOfWeek[] openDays) => new(ParseShipped(2026).Entries, openDays);

    [Fact]
    public void The_shipped_2026_file_holds_the_State_Council_notice()
    {
        var parsed = ParseShipped(2026);

        Assert.Empty(parsed.Errors);
        Assert.Equal(33, parsed.Entries.Count(e => e.Kind == CalendarDayKind.Holiday));
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            parsed.Entries.Where(e => e.Kind == CalendarDayKind.Workday).Select(e => e.Date).Order(StringComparer.Ordinal));
        var errors = new List<string>();
        CalendarRules.Check(parsed.Entries, "calendar", errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void The_shipped_2027_file_is_valid()
    {
        var parsed = ParseShipped(2027);

        Assert.Empty(parsed.Errors);
        Assert.Contains(parsed.Entries, e => e.Date == "2027-10-01" && e.Name == "国庆节");
    }

    [Fact]
    public void Holidays_close_and_make_up_days_open_a_hall_of_weekdays()
    {
        var calendar = Calendar2026(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

        Assert.False(calendar.IsOpenDay(new DateOnly(2026, 10, 1)));
        Assert.Equal("国庆节", calendar.HolidayOn(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsOpenDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsOpenDay(new DateOnly(2026, 10, 11)));
        Assert.True(calendar.IsOpenDay(new DateOnly(2026, 10, 9)));
        Assert.Null(calendar.HolidayOn(new DateOnly(2026, 10, 10)));
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]  // the whole National Day week skipped
    [InlineData("2026-09-18", 1, "2026-09-20")]  // a Sunday make-up workday counts
    [InlineData("2026-02-13", 1, "2026-02-14")]  // so does a Saturday
    [InlineData("2026-02-13", 2, "2026-02-24")]  // then the Spring Festival
    [InlineData("2026-11-20", 15, "2026-12-11")] // an ordinary stretch: weekends only
    public void Working_days_skip_weekends_and_holidays_and_count_make_up_days(string from, int days, string expected)
    {
        var calendar = Calendar2026();

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            calendar.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void Working_days_between_count_the_October_of_2026()
    {
        // 22 weekdays, less 5 in the National Day week (1, 2, 5, 6, 7), plus Saturday 10 October.
        Assert.Equal(18, Calendar2026().WorkingDaysBetween(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
    }

    [Theory]
    [InlineData("国庆节 2026-10-01", "三项")]
    [InlineData("国庆节 2026-10-01 放松", "休 或 班")]
    [InlineData("国庆节 2026-13-01 休", "不是日期")]
    [InlineData("国庆节 2027-10-01 休", "不在 2026 年")]
    [InlineData("国庆节 2026-10-07..2026-10-01 休", "范围")]
    public void A_bad_line_is_named(string line, string expected)
    {
        var parsed = CalendarText.Parse("# first line is a comment\n" + line, 2026);

        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith("第2行", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_and_separators_of_the_notice_are_read_and_written_back()
    {
        var parsed = CalendarText.Parse("春节 2026-02-15至2026-02-17 放假\n春节\t2026-02-14\t上班\n清明节　2026-04-04~2026-04-06　holiday", 2026);

        Assert.Empty(parsed.Errors);
        Assert.Equal(7, parsed.Entries.Count);
        Assert.Equal("春节  2026-02-14  班\n春节  2026-02-15..2026-02-17  休\n清明节  2026-04-04..2026-04-06  休", CalendarText.Format(parsed.Entries));
    }

    [Fact]
    public void A_weekday_make_up_day_and_a_date_listed_twice_name_the_entry()
    {
        var errors = new List<string>();
        CalendarRules.Check(
        [
            new CalendarEntry { Date = "2026-10-09", Kind = CalendarDayKind.Workday, Name = "国庆节" },
            new CalendarEntry { Date = "2026-10-01", Kind = CalendarDayKind.Holiday, Name = "国庆节" },
            new CalendarEntry { Date = "2026-10-01", Kind = CalendarDayKind.Holiday, Name = "" },
        ], "calendar", errors);

        Assert.Contains(errors, e => e.StartsWith("calendar[0].kind", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("calendar[2].date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("calendar[2].name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hall_file_with_a_bad_calendar_names_the_field()
    {
        var hall = HallFileLoader.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "HallSetup", "DemoHall.json")), "demo");
        var errors = HallDefinitionValidator.Validate(hall with { Calendar = [new CalendarEntry { Date = "10/01", Kind = CalendarDayKind.Holiday, Name = "国庆节" }] });

        Assert.Contains(errors, e => e.StartsWith("calendar[0].date", StringComparison.Ordinal));
    }
}
