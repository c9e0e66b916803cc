using System.Data.Common;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Supervision;

/// <summary>
/// AB岗: a B clerk may cover a window for at most 20 working days at a time and 40 in a year (the hall documents). From
/// the year's B-post logins (live and archived events), counted in working days of the hall calendar: a run is a
/// stretch of working days each with a B-post login, a day without one ends it. Alerted once per clerk and run or
/// year as the limit is reached; the limits are <c>Supervision:BCoverRunDays</c> and <c>BCoverYearDays</c>.
/// </summary>
public static class BCoverCheck
{
    public static async Task<IReadOnlyList<AlertStore.NewAlert>> FindAsync(DbConnection connection, HallCatalog catalog, DateTimeOffset now, SupervisionOptions options)
    {
        var today = catalog.HallDate(now);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var days = (await connection.QueryAsync<(string StaffCode, string HallDate)>(
            """
            SELECT DISTINCT staff_code, hall_date FROM event_history
            WHERE hall_id = @hall AND kind = @login AND detail = 'post=B' AND hall_date >= @from AND hall_date <= @to AND staff_code IS NOT NULL
            """,
            new { hall = catalog.HallId, login = EventKinds.Login, from = yearStart.ToKey(), to = today.ToKey() }))
            .Select(r => (r.StaffCode, Date: DateOnly.ParseExact(r.HallDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Where(r => catalog.Calendar.IsWorkingDay(r.Date))
            .ToLookup(r => r.StaffCode, r => r.Date);

        var found = new List<AlertStore.NewAlert>();
        foreach (var clerk in days)
        {
            var covered = clerk.ToHashSet();
            var name = catalog.FindClerk(clerk.Key)?.Name ?? clerk.Key;
            if (covered.Count >= options.BCoverYearDays)
            {
                found.Add(new(AlertKinds.BCoverLimit, $"bCoverYear:{clerk.Key}:{today.Year}",
                    $"{name}（{clerk.Key}）今年已顶 B 岗 {covered.Count} 个工作日，达到全年 {options.BCoverYearDays} 个工作日的上限。",
                    $"{clerk.Key} has covered a B post on {covered.Count} working days this year, the limit of {options.BCoverYearDays}."));
            }
            // The run that reaches today (or the last working day before it).
            var day = catalog.Calendar.IsWorkingDay(today) ? today : PreviousWorkingDay(catalog, today);
            var run = 0;
            var start = day;
            while (day >= yearStart && covered.Contains(day))
            {
                run++;
                start = day;
                day = PreviousWorkingDay(catalog, day);
            }
            if (run >= options.BCoverRunDays)
            {
                found.Add(new(AlertKinds.BCoverLimit, $"bCoverRun:{clerk.Key}:{start.ToKey()}",
                    $"{name}（{clerk.Key}）自 {start:yyyy-MM-dd} 起已连续顶 B 岗 {run} 个工作日，达到 {options.BCoverRunDays} 个工作日的上限，请安排 A 岗人员回岗。",
                    $"{clerk.Key} has covered a B post for {run} working days in a row since {start:yyyy-MM-dd}, the limit of {options.BCoverRunDays}."));
            }
        }
        return found;
    }

    private static DateOnly PreviousWorkingDay(HallCatalog catalog, DateOnly date)
    {
        var day = date.AddDays(-1);
        for (var i = 0; i < 30 && !catalog.Calendar.IsWorkingDay(day); i++)
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
